#!/usr/bin/env bash
# Scores newsdesk on the seed and on the corpora in ../shared/data (precision, recall, F1).
# Usage: scripts/eval.sh [SHARED_DIR]   (default ../shared). Builds the debug binary if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
cargo build -q -p newsdesk-cli
bin=${CARGO_TARGET_DIR:-target}/debug/newsdesk
data=$shared/data

echo "-- seed checklist"
"$bin" eval checklist eval/seed.json eval/statement.json
echo "-- main-text extraction (article-extraction)"
"$bin" eval extraction "$data/article-extraction"
echo "-- named entities (UNER EWT test)"
"$bin" eval ner "$data/uner-ewt/en_ewt-ud-test.iob2"
echo "-- coreference (GUM dev)"
"$bin" eval coref "$data/gum-coref/dev"
echo "-- quotes (PolNeAR dev)"
"$bin" eval quotes "$data/polnear/dev"
