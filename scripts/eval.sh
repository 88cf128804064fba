#!/usr/bin/env bash
# Scores newsdesk on the seed and on the corpora in ../shared/data (precision, recall, F1).
# Usage: scripts/eval.sh [SHARED_DIR]   (default ../shared). Builds the debug binary if needed;
# NEWSDESK_BIN=path uses a binary already built (CI passes the one its tests built).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
bin=${NEWSDESK_BIN:-}
if [ -z "$bin" ]; then
  cargo build -q -p newsdesk-cli
  bin=${CARGO_TARGET_DIR:-target}/debug/newsdesk
fi
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
