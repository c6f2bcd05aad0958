#!/usr/bin/env bash
# First start of an empty data directory: initdb, then the database and user of POSTGRES_DB / POSTGRES_USER /
# POSTGRES_PASSWORD (as the official postgres image does), scram passwords required from the network. Then runs the
# server in the foreground (listening on every address of the container).
set -euo pipefail
: "${PGDATA:=/var/lib/postgresql/data}"
user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
if [[ ${1:-postgres} == postgres && ! -s $PGDATA/PG_VERSION ]]; then
  [[ -n ${POSTGRES_PASSWORD:-} ]] || { echo "POSTGRES_PASSWORD is required for a new database" >&2; exit 1; }
  echo "===> initdb: a new cluster in $PGDATA (superuser $user, database $db)"
  pwfile=$(mktemp); printf '%s' "$POSTGRES_PASSWORD" >"$pwfile"
  initdb -D "$PGDATA" --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  printf "listen_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  if [[ $db != postgres ]]; then
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    psql -v ON_ERROR_STOP=1 --username "$user" --dbname postgres -q -c "CREATE DATABASE \"$db\" OWNER \"$user\""
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo "===> initdb done"
fi
if [[ ${1:-postgres} == postgres ]]; then shift || true; exec postgres -D "$PGDATA" "$@"; fi
exec "$@"
