#!/usr/bin/env bash
# API benchmark: wrk against three api endpoints, side by side in one run with nginx serving the
# very same response bytes from files (the HTTP ceiling on this machine) and pgbench running the
# SQL each request runs (bench/sql/, the database ceiling; same connections, as the api's role).
#   bench/api.sh                      # 64 connections, 15 s per target and endpoint, after a
#                                     # 15 s warm-up per endpoint (WARMUP)
#   CONNECTIONS=128 DURATION=30s bench/api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-15s}
SCORES=${SCORES:-20000}   # badge messages loaded first (5 scores each) so the leaderboard is real
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null || ! command -v pgbench >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk nginx-light postgresql-client >/dev/null
fi

on_stop() { [ -f "$STATE/nginx.pid" ] && kill "$(cat "$STATE/nginx.pid")" 2>/dev/null; }
source devstack/system.sh
start_system
wait_first_sync
python3 bench/drain_load.py --n "$SCORES" --csv /dev/null >/dev/null
until [ "$(curl -s localhost:8001/metrics | awk '/^badge_scores_total\{.*outcome="stored"/ {printf "%d", $2}')" -ge $((SCORES * 5)) ] 2>/dev/null; do sleep 1; done

declare -A PATHS=(
  [breeds-by-origin]="/api/v2/breeds?origin=United%20States"
  [breed-detail]="/api/v2/breeds/abys"
  [leaderboard]="/api/v2/games/BO/leaderboard?sortBy=best"
)
mkdir -p "$STATE/www"
chmod 755 "$STATE" "$STATE/www"   # nginx workers run unprivileged
{
  echo "worker_processes auto; pid $STATE/nginx.pid; error_log $STATE/nginx-error.log;"
  echo "events { worker_connections 1024; }"
  echo "http { access_log off; default_type application/json; server { listen 127.0.0.1:8090;"
  for name in "${!PATHS[@]}"; do
    path=${PATHS[$name]}
    curl -sf "localhost:8000$path" >"$STATE/www/$name.json"
    echo "  location = ${path%%\?*} { alias $STATE/www/$name.json; }"
  done
  echo "} }"
} >"$STATE/nginx.conf"
chmod 644 "$STATE"/www/*.json
nginx -c "$STATE/nginx.conf" -p "$STATE"
for name in "${!PATHS[@]}"; do
  cmp -s <(curl -sf "127.0.0.1:8090${PATHS[$name]}") "$STATE/www/$name.json" || { echo "nginx does not serve $name" >&2; exit 1; }
done

API_PID=$(api_pid)
rss() { awk '/^VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$API_PID/status"; }
run() { # target-url -> "req/s p50 p99"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$NF}
    END {print rps, p50, p99, (bad ? bad : 0)}'
}
pgbench_run() { # sql-file -> "tx/s p50 p99 failed"
  rm -f "$STATE"/pgbench_log*
  (cd "$STATE" && PGPASSWORD=catscores-api-local pgbench -h 127.0.0.1 -p 54329 -U catscores_api \
    -n -M prepared -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -l -f "$1" catscores >pgbench.out 2>&1) || { cat "$STATE/pgbench.out" >&2; return 1; }
  local tps failed
  tps=$(awk '/^tps/ {printf "%d", $3}' "$STATE/pgbench.out")
  failed=$(awk '/failed transactions/ {print $5}' "$STATE/pgbench.out")
  cat "$STATE"/pgbench_log* | awk '{print $3}' | sort -n | awk -v tps="$tps" -v failed="${failed:-0}" '
    {v[NR]=$1} END {printf "%s %.2fms %.2fms %s\n", tps, v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000, failed}'
}
# JIT warm-up of the api on all three endpoints before anything is measured: on 2 shared cores the
# compilers need tens of seconds under load (a 15 s profile of the first endpoint right after
# start-up ran at 5.9k req/s, the next 15 s at 23k).
for name in "${!PATHS[@]}"; do
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-15s}" "http://127.0.0.1:8000${PATHS[$name]}" >/dev/null
done
lookups() { curl -s localhost:8000/metrics | awk -v r="$1" '$0 ~ "^api_cache_lookups_total.*result=\""r"\"" {printf "%d", $2}'; }
HITS0=$(lookups hit); MISSES0=$(lookups miss); COALESCED0=$(lookups coalesced)
echo "| endpoint | target | req/s | p50 | p99 | non-2xx / failed |"
echo "|---|---|---|---|---|---|"
for name in breeds-by-origin breed-detail leaderboard; do
  path=${PATHS[$name]}
  wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:8000$path" >/dev/null # this endpoint's caches
  read -r rps p50 p99 bad < <(run "http://127.0.0.1:8000$path")
  echo "| $name | api | $rps | $p50 | $p99 | $bad |"
  echo "  api RSS under load: $(rss)" >&2
  read -r rps p50 p99 bad < <(run "http://127.0.0.1:8090$path")
  echo "| $name | nginx (same bytes) | $rps | $p50 | $p99 | $bad |"
  read -r rps p50 p99 bad < <(pgbench_run "$PWD/bench/sql/$name.sql")
  echo "| $name | pgbench (same SQL) | $rps | $p50 | $p99 | $bad |"
done
echo
echo "api RSS after the runs: $(rss); connections=$CONNECTIONS, duration=$DURATION per run, wrk -t2"
HITS=$(( $(lookups hit) - HITS0 )); MISSES=$(( $(lookups miss) - MISSES0 ))
COALESCED=$(( $(lookups coalesced) - COALESCED0 ))
awk -v h="$HITS" -v m="$MISSES" -v c="$COALESCED" 'BEGIN {printf "api response cache over the api runs: %d hits, %d misses, %d coalesced: hit ratio %.4f %%\n", h, m, c, 100 * h / (h + m + c)}'
