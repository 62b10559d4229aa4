#!/usr/bin/env bash
# Installs (from Debian's packages, when missing) and starts a throwaway PostgreSQL on loopback for the
# engine tests. Sourced by .ci/run so that TEST_DATABASE_URL reaches `npm test`.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
pg_port=${PG_TEST_PORT:-55432}
pg_data=/tmp/lendlens-pg-$pg_port
if ! su postgres -c "$pg_bin/pg_ctl -D $pg_data status" >/dev/null 2>&1; then
  rm -rf "$pg_data" && mkdir -p "$pg_data" && chown postgres "$pg_data"
  su postgres -c "$pg_bin/initdb -D $pg_data -A trust -U postgres" >/dev/null
  su postgres -c "$pg_bin/pg_ctl -D $pg_data -o '-p $pg_port -k /tmp -c listen_addresses=127.0.0.1' -l $pg_data/log -w start" >/dev/null
fi
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
echo "PostgreSQL for tests: $TEST_DATABASE_URL"
