#!/bin/sh
# Store benchmark: ingest throughput with full analysis, peak memory, search latency.
# Builds a WARC of N pages from the shared HTML corpus (distinct URL and text per copy),
# ingests it with the release binary, then serves the store and times searches.
# Usage: scripts/bench-store.sh [N=10000] [OUT=docs/benchmarks/store-N.md]
# (docs/benchmarks/store.md is the hand-written analysis; this script never overwrites it.)
set -eu
N=${1:-10000}
OUT=${2:-docs/benchmarks/store-$N.md}
CORPUS=${CORPUS:-../shared/data/article-extraction/html}
BIN=${NEWSDESK:-${CARGO_TARGET_DIR:-target}/release/newsdesk}
[ -x "$BIN" ] || cargo build --release -p newsdesk-cli
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
SERVER=""

python3 scripts/bench-store-corpus.py "$CORPUS" "$N" "$WORK/pages.warc.gz"
WARC_MB=$(du -m "$WORK/pages.warc.gz" | cut -f1)
RAW_MB=$(python3 -c "import gzip,sys;n=0
with gzip.open(sys.argv[1]) as f:
    for b in iter(lambda: f.read(1<<20), b''): n+=len(b)
print(n>>20)" "$WORK/pages.warc.gz")

/usr/bin/time -v "$BIN" ingest --store "$WORK/store" "$WORK/pages.warc.gz" 2> "$WORK/ingest.err" || true
SUMMARY=$(grep 'newsdesk: ingest:.*stored' "$WORK/ingest.err" | tail -1)
# "N stored, ... (D docs/s; W s writing)": the writer's share per stored document.
WRITER_MS=$(echo "$SUMMARY" | sed -n 's/.*: \([0-9]*\) stored.*; \([0-9.]*\) s writing.*/\1 \2/p' |
    awk '$1 > 0 {printf "%.2f", $2 * 1000 / $1}')
RSS_MB=$(awk '/Maximum resident set size/ {print int($6/1024)}' "$WORK/ingest.err")
WRITER_CPU_MS=$(echo "$SUMMARY" | sed -n 's/.*: \([0-9]*\) stored.*, \([0-9.]*\) s of it on CPU.*/\1 \2/p' |
    awk '$1 > 0 {printf "%.2f", $2 * 1000 / $1}')
# CPU seconds (user + system) of the whole ingest per stored document: unlike docs/s, this
# barely moves when other processes share the cores.
CPU_MS=$(awk -v s="$(echo "$SUMMARY" | sed -n 's/.*: \([0-9]*\) stored.*/\1/p')" \
    '/User time|System time/ {t += $NF} END {if (s > 0) printf "%.2f", t * 1000 / s}' "$WORK/ingest.err")
STORE_MB=$(du -sm "$WORK/store" | cut -f1)

"$BIN" serve --store "$WORK/store" --addr 127.0.0.1:0 > "$WORK/serve.out" 2>&1 &
SERVER=$!
for _ in $(seq 50); do grep -q http "$WORK/serve.out" && break; sleep 0.2; done
BASE=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" | head -1)
SEARCH=$(python3 scripts/bench-store-search.py "$BASE" 30)

mkdir -p "$(dirname "$OUT")"
cat > "$OUT" <<MD
# Store benchmark

Produced by \`scripts/bench-store.sh $N\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(uname -m),
load average $(cut -d' ' -f1-3 /proc/loadavg) when it finished). Analysis: [store.md](store.md).
Input: a Common Crawl News-shaped WARC of $N pages ($WARC_MB MB gzipped, $RAW_MB MB raw) built
from the shared HTML corpus, every copy with its own URL and its own edition sentence so
deduplication keeps it and the full pipeline (extract → analyze → store) runs on each.

| measure | value |
|---|---|
| ingest summary | $SUMMARY |
| writer time inside store transactions per stored document (wall / writer thread CPU) | ${WRITER_MS:-?} / ${WRITER_CPU_MS:-?} ms |
| ingest CPU time (user + system, all threads) per stored document | ${CPU_MS:-?} ms |
| peak resident memory while ingesting | $RSS_MB MB |
| store size on disk | $STORE_MB MB |
| search latency over HTTP (\`scripts/bench-store-search.py\`, 10 queries × 30 rounds) | $SEARCH |

Goals from issue 6: ≥ 500 pages/s on 2 cores, search p99 < 50 ms, < 500 MB while ingesting a 1 GB WARC.
MD
cat "$OUT"
