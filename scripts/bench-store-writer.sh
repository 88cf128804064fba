#!/bin/sh
# Store writer microbenchmark: the store alone, without analysis or other load in the way.
# Analyses the shared HTML corpus once, then writes N distinct copies in ingest-sized batches
# and prints writer ms/doc per tenth of the run and overall (plus the process CPU time).
# Usage: scripts/bench-store-writer.sh [N=10000] [BATCH=1024]
set -eu
N=${1:-10000}
BATCH=${2:-1024}
CORPUS=${CORPUS:-../shared/data/article-extraction/html}
TARGET=${CARGO_TARGET_DIR:-target}
cargo build --release -q -p newsdesk-cli --example analyse_corpus
cargo build --release -q -p newsdesk-store --example bench_writer
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$TARGET/release/examples/analyse_corpus" "$CORPUS" "$WORK/docs.jsonl"
/usr/bin/time -f "process: %e s wall, %U s user, %S s sys" \
    "$TARGET/release/examples/bench_writer" "$WORK/docs.jsonl" "$N" "$WORK/store" "$BATCH"
du -sh "$WORK/store"
