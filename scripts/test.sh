#!/usr/bin/env bash
# Runs every test of the workspace, unit, integration, snapshot, property and doc tests.
# Installs what the browser tests need (Debian's chromium) when it is missing and we may.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x scripts/install-chromium.sh ]; then
  bash scripts/install-chromium.sh || echo "warning: chromium could not be installed; browser tests will say so" >&2
fi
# One build of every test target, then one run beside a real, throwaway PostgreSQL, so the
# PostgreSQL store's tests run with the rest. (A separate `cargo test -p newsdesk-store-pg`
# resolves other dependency features and rebuilds half the workspace.)
cargo test --workspace --all-targets --no-run
bash scripts/with-postgres.sh cargo test --workspace --all-targets
cargo test --workspace --doc
# Python bindings, in a real interpreter and a real local PySpark.
bash scripts/test-python.sh
