#!/bin/sh
# Logical backup of the catscores database: pg_dump custom format into BACKUP_DIR, then deletes
# backups older than BACKUP_RETENTION_DAYS. Once a score is acknowledged it is trimmed from Redis:
# PostgreSQL, and these files, are its only home.
#   PG_DB_HOST, PG_DB_PORT, PG_DB_DATABASE, PG_DB_USER, PG_DB_PASSWORD  as for the apps
#   BACKUP_DIR (default /backups), BACKUP_RETENTION_DAYS (default 14)
# pg_dump must be of the server's major version or newer (runbook: "Backups and restore").
set -eu
dir=${BACKUP_DIR:-/backups}
keep=${BACKUP_RETENTION_DAYS:-14}
file="$dir/catscores-$(date -u +%Y%m%dT%H%M%SZ).dump"
export PGHOST="${PG_DB_HOST:?}" PGPORT="${PG_DB_PORT:-5432}" PGUSER="${PG_DB_USER:?}" \
  PGPASSWORD="${PG_DB_PASSWORD:-}" PGDATABASE="${PG_DB_DATABASE:-catscores}"
mkdir -p "$dir"
pg_dump --format=custom --compress=6 --file="$file.partial"
mv "$file.partial" "$file" # a finished file only: a crash never leaves a truncated "backup"
find "$dir" -name 'catscores-*.dump' -mtime "+$keep" -print -delete | sed 's/^/deleted old backup /'
echo "backup written: $file ($(wc -c <"$file") bytes)"
