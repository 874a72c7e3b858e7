#!/bin/sh
# Restores a backup of backup.sh into an empty database (runbook: "Backups and restore"):
#   restore.sh FILE    with PG_DB_* as for the apps, the apps stopped; creates the database when
#                      it does not exist, refuses one that has tables
# Ownership and grants are not restored: the syncronizer's migrations set them (the api role and
# its SELECT grants) when it starts on the restored database.
set -eu
file=${1:?usage: restore.sh FILE}
export PGHOST="${PG_DB_HOST:?}" PGPORT="${PG_DB_PORT:-5432}" PGUSER="${PG_DB_USER:?}" \
  PGPASSWORD="${PG_DB_PASSWORD:-}"
db=${PG_DB_DATABASE:-catscores}
if ! psql -X -q -t -A -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  createdb "$db"
fi
tables=$(psql -X -q -t -A -d "$db" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != 0 ]; then
  echo "database $db has $tables tables: restore into an empty database" >&2
  exit 1
fi
pg_restore --dbname="$db" --no-owner --no-privileges --exit-on-error "$file"
echo "restored $file into $db"
