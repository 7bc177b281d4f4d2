#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh <command...>
#
# Runs <command> against a throw-away PostgreSQL cluster: initdb in a fresh temp dir, start on a
# free port on 127.0.0.1, export
#   TEST_DATABASE_URL, BENCH_DATABASE_URL, DATABASE_URL_FOR_TESTS = postgres://postgres@127.0.0.1:<port>/postgres
# run the command, then stop the cluster and delete it. Exits with the command's exit code.
#
# If TEST_DATABASE_URL is already set, nothing is started: the command runs against that database.
#
# Options (environment):
#   WITH_POSTGRES_PORT   first port to try (default 54329; the next free one up to +100 is used)
#   WITH_POSTGRES_BIN    directory holding initdb/pg_ctl (default: highest /usr/lib/postgresql/*/bin)
#   WITH_POSTGRES_KEEP=1 keep the temp dir (data + server log) for inspection
set -euo pipefail

log() { printf '[with-postgres] %s\n' "$*" >&2; }

if (($# == 0)); then
  echo "usage: $0 <command...>" >&2
  exit 2
fi

if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  log "TEST_DATABASE_URL is already set; using it, not starting a cluster"
  export BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-$TEST_DATABASE_URL}"
  export DATABASE_URL_FOR_TESTS="${DATABASE_URL_FOR_TESTS:-$TEST_DATABASE_URL}"
  exec "$@"
fi

# --- find the server binaries ---------------------------------------------------------------
find_bindir() {
  if [[ -n "${WITH_POSTGRES_BIN:-}" ]]; then
    echo "$WITH_POSTGRES_BIN"
    return
  fi
  local dirs=(/usr/lib/postgresql/*/bin) best=""
  [[ -d "${dirs[0]}" ]] && best=$(printf '%s\n' "${dirs[@]}" | sort -V | tail -n 1)
  if [[ -n "$best" ]]; then
    echo "$best"
  elif command -v pg_config >/dev/null 2>&1; then
    pg_config --bindir
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}
PGBIN=$(find_bindir)
if [[ -z "$PGBIN" || ! -x "$PGBIN/initdb" || ! -x "$PGBIN/pg_ctl" ]]; then
  log "PostgreSQL server binaries (initdb, pg_ctl) not found; run scripts/install-system-deps.sh"
  exit 127
fi

# --- run server tools as an unprivileged user ------------------------------------------------
# initdb and postgres refuse to run as root, so as root they run as the 'postgres' user.
if [[ "$(id -u)" -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    log "running as root but there is no 'postgres' user (install the postgresql package)"
    exit 1
  fi
  as_pg() {
    if command -v runuser >/dev/null 2>&1; then
      (cd "$TMP" && runuser -u postgres -- "$@")
    else
      (cd "$TMP" && su postgres -s /bin/bash -c "$(printf '%q ' "$@")")
    fi
  }
else
  as_pg() { "$@"; }
fi

# --- temp cluster and cleanup ----------------------------------------------------------------
TMP=$(mktemp -d /tmp/tongban-pg.XXXXXX)
chmod 700 "$TMP"
[[ "$(id -u)" -eq 0 ]] && chown postgres: "$TMP"
DATA="$TMP/data"
LOGFILE="$TMP/server.log"
started=0

# shellcheck disable=SC2317  # called through the EXIT trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if ((started)); then
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast -t 30 stop >/dev/null 2>&1 ||
      as_pg "$PGBIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [[ "${WITH_POSTGRES_KEEP:-}" == 1 ]]; then
    log "kept $TMP"
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- initdb ----------------------------------------------------------------------------------
init_with_locale() {
  as_pg "$PGBIN/initdb" -D "$DATA" -A trust -U postgres --encoding=UTF8 --locale="$1" \
    >"$TMP/initdb.log" 2>&1
}
if ! init_with_locale C.UTF-8; then
  as_pg rm -rf "$DATA"
  log "initdb with locale C.UTF-8 failed; retrying with locale C"
  if ! init_with_locale C; then
    cat "$TMP/initdb.log" >&2
    log "initdb failed"
    exit 1
  fi
fi

# --- start on a free port --------------------------------------------------------------------
port_in_use() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

server_opts="-c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200 -c shared_buffers=256MB"
# Docker's default /dev/shm is 64 MB, too small for parallel queries' dynamic shared memory.
shm_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR==2 {print $4}' || true)
if [[ -z "$shm_kb" || "$shm_kb" -lt 524288 ]]; then
  server_opts+=" -c dynamic_shared_memory_type=mmap"
fi

first_port="${WITH_POSTGRES_PORT:-54329}"
PORT=""
for ((p = first_port; p < first_port + 100; p++)); do
  port_in_use "$p" && continue
  : >"$LOGFILE"
  [[ "$(id -u)" -eq 0 ]] && chown postgres: "$LOGFILE"
  if as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 \
    -o "-p $p -k $TMP $server_opts" start >/dev/null 2>&1; then
    PORT=$p
    started=1
    break
  fi
  # Lost a race for the port? Try the next one; anything else is a real failure.
  if ! grep -qiE 'could not bind|address already in use|could not create any TCP' "$LOGFILE"; then
    cat "$LOGFILE" >&2
    log "PostgreSQL did not start"
    exit 1
  fi
done
if [[ -z "$PORT" ]]; then
  log "no free port in $first_port..$((first_port + 99))"
  exit 1
fi

URL="postgres://postgres@127.0.0.1:$PORT/postgres"
export TEST_DATABASE_URL="$URL"
export BENCH_DATABASE_URL="$URL"
export DATABASE_URL_FOR_TESTS="$URL"
log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') ready at $URL (data in $TMP)"

# --- run the command -------------------------------------------------------------------------
rc=0
"$@" || rc=$?
if ((rc != 0)); then
  log "command exited with $rc; last lines of the PostgreSQL log:"
  tail -n 20 "$LOGFILE" >&2 || true
fi
exit "$rc"
