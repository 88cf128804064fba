#!/usr/bin/env bash
# Extraction speed and quality, newsdesk vs trafilatura (Python) vs rs-trafilatura (Rust),
# on the same pages in the same run, single-threaded; writes docs/benchmarks/extraction.md.
# usage: scripts/bench-extraction.sh [BENCHMARK_DIR] [PASSES]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-../shared/data/article-extraction}"
passes="${2:-3}"
venv="target/bench-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import trafilatura" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet trafilatura lxml_html_clean
fi
cargo build --release -p newsdesk-cli --features newsdesk-eval/peers
"${CARGO_TARGET_DIR:-target}/release/newsdesk" bench extraction "$dir" \
    --python "$venv/bin/python" --passes "$passes" --write docs/benchmarks/extraction.md
