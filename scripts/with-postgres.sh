#!/usr/bin/env bash
# Runs CMD... beside a throwaway PostgreSQL: a fresh cluster in a temp dir under target/,
# listening on a free localhost port (and a unix socket in the same dir), with
# NEWSDESK_TEST_PG=postgres://... exported for CMD. The server is stopped and its files
# removed on exit, whatever CMD does. Exits with CMD's status.
#
#   bash scripts/with-postgres.sh cargo test -p newsdesk-store-pg
#
# Finds initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin; when absent and running as
# root with apt, installs Debian's postgresql quietly. initdb refuses to run as root, so as
# root the cluster is created and run by the `postgres` system user (via runuser).
# fsync is off (a test server loses nothing worth keeping); WITH_POSTGRES_FSYNC=on for benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  echo "usage: $0 CMD..." >&2
  exit 2
fi

find_bin() {
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if ! BIN=$(find_bin); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "with-postgres: installing postgresql (apt-get)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  BIN=$(find_bin) || { echo "with-postgres: no initdb/pg_ctl found; install PostgreSQL" >&2; exit 3; }
fi

# A free localhost port: ask the kernel for one.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# Under the system temp dir, not the checkout: a checkout inside a private directory (a
# mktemp -d clone, a home directory) is not traversable by the `postgres` user.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-pg.XXXXXX")
DATA="$TMP/data"
LOG="$TMP/server.log"

# As root, the cluster belongs to an unprivileged user; everything else runs as ourselves.
if [ "$(id -u)" = 0 ]; then
  PGUSER_OS=postgres
  id "$PGUSER_OS" >/dev/null 2>&1 || useradd --system --no-create-home "$PGUSER_OS"
  chown "$PGUSER_OS" "$TMP"
  as_pg() { runuser -u "$PGUSER_OS" -- "$@"; }
else
  as_pg() { "$@"; }
fi

cleanup() {
  local status=$?
  as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_pg "$BIN/initdb" -D "$DATA" -U newsdesk --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 \
  || as_pg "$BIN/initdb" -D "$DATA" -U newsdesk --auth=trust --encoding=UTF8 --no-locale >"$TMP/initdb.log" 2>&1 \
  || { cat "$TMP/initdb.log" >&2; exit 3; }
if ! as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$TMP -c fsync=${WITH_POSTGRES_FSYNC:-off} -c max_connections=40" \
  start >/dev/null; then
  cat "$LOG" >&2
  exit 3
fi
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U newsdesk newsdesk_test

export NEWSDESK_TEST_PG="postgres://newsdesk@127.0.0.1:$PORT/newsdesk_test"
echo "with-postgres: $($BIN/postgres --version) on $NEWSDESK_TEST_PG" >&2
"$@"
