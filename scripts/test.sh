#!/usr/bin/env bash
# Runs every test of the workspace, unit, integration, snapshot, property and doc tests.
# Installs what the browser tests need (Debian's chromium) when it is missing and we may.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x scripts/install-chromium.sh ]; then
  bash scripts/install-chromium.sh || echo "warning: chromium could not be installed; browser tests will say so" >&2
fi
cargo test --workspace --all-targets
cargo test --workspace --doc
# The PostgreSQL store against a real, throwaway server.
bash scripts/with-postgres.sh cargo test -p newsdesk-store-pg
# Python bindings, in a real interpreter and a real local PySpark.
bash scripts/test-python.sh
