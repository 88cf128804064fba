#!/usr/bin/env bash
# Python bindings: builds the `newsdesk` wheel with maturin, installs it with PySpark into a
# venv (target/py-venv), and runs the Python tests, Spark job included, on the local Java.
# Usage: scripts/test-python.sh   (scripts/test.sh calls it)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
VENV=$TARGET/py-venv
case $VENV in /*) ;; *) VENV=$PWD/$VENV ;; esac  # Spark's workers need an absolute path
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q --disable-pip-version-check "maturin>=1.16,<2" "pyspark>=4.3,<5" "warcio>=1.7,<2"
rm -rf "$TARGET/wheels"
"$VENV/bin/maturin" build -q -m crates/python/Cargo.toml -o "$TARGET/wheels"
"$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$TARGET"/wheels/newsdesk-*.whl
if ! command -v java >/dev/null; then
  echo "test-python: no Java on this machine; installing Debian's openjdk-17-jre-headless for PySpark" >&2
  apt-get install -y -q openjdk-17-jre-headless >/dev/null
fi
export PYSPARK_PYTHON="$VENV/bin/python" PYSPARK_DRIVER_PYTHON="$VENV/bin/python"
export NEWSDESK_REQUIRE_SPARK=1 SPARK_LOCAL_IP=127.0.0.1
"$VENV/bin/python" -m unittest discover -s crates/python/tests -v
