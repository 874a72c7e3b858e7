#!/usr/bin/env bash
# A realistic mix on a grown database (issue #18): 10 M scores (bench/sql/ten-million.sql) and the
# recorded catalogue; eight routes at once, each its own wrk (8 connections, 64 in all, 1 s timeout:
# a request slower than that counts as timed out), including a 404, a 400, filters and paging,
# while badge messages arrive at RATE/s (bench/drain_load.py, paced) and the drain stores them.
# Reports per route req/s, p50/p99 and timeouts, and the api's RSS every 30 s.
#   bench/mixed.sh                       # DURATION=600 (s) RATE=1000
#   DURATION=60 bench/mixed.sh
#   SEED=none DURATION=60 bench/mixed.sh   # on the small recorded data: a quick look, not the figure
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-600}
RATE=${RATE:-1000}
if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
source devstack/system.sh
need_psql
start_system
wait_first_sync
if [ "${SEED:-ten-million}" != none ]; then
  echo "loading 10 M scores ..." >&2
  START=$(date +%s)
  "${PSQL[@]}" -f bench/sql/ten-million.sql >/dev/null
  echo "loaded in $(( $(date +%s) - START )) s" >&2
fi
publish_samples
echo "$("${PSQL[@]}" -c 'SELECT sum(scores) FROM game_score_count') scores stored" >&2
PLAYER=$("${PSQL[@]}" -c "SELECT player_id FROM player WHERE player_id IS NOT NULL
  ORDER BY player_uuid = md5('bench-player-42')::uuid DESC LIMIT 1")
API_PID=$(api_pid)
rss() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$API_PID/status"; }

declare -A ROUTES=(
  [leaderboard-best]="/api/v2/games/BO/leaderboard?sortBy=best"
  [leaderboard-recent-p3]="/api/v2/games/LA/leaderboard?sortBy=recent&page=3&pageSize=50"
  [player]="/api/v2/players/$PLAYER"
  [breeds-filter]="/api/v2/breeds?origin=Egypt&sort=-name"
  [breed-detail]="/api/v2/breeds/abys"
  [images-page2]="/api/v2/images?breed=abys&page=2&pageSize=1"
  [v1-unknown-404]="/api/v1/breeds/nope"
  [page-0-400]="/api/v2/breeds?page=0"
)
for name in "${!ROUTES[@]}"; do # warm-up, and every route answers as expected
  curl -s -o /dev/null -w "%{http_code} $name\n" "localhost:8000${ROUTES[$name]}" >&2
  wrk -t1 -c8 -d10s "http://127.0.0.1:8000${ROUTES[$name]}" >/dev/null
done

python3 bench/drain_load.py --n $(( RATE * DURATION )) --rate "$RATE" --csv /dev/null \
  >"$STATE/load.json" &
LOADER=$!
WRKS=()
for name in "${!ROUTES[@]}"; do
  wrk -t1 -c8 -d"${DURATION}s" --timeout 1s --latency "http://127.0.0.1:8000${ROUTES[$name]}" \
    >"$STATE/$name.wrk" &
  WRKS+=($!)
done
: >"$STATE/rss.txt"
for _ in $(seq 1 $(( DURATION / 30 ))); do sleep 30; echo "$(rss)" >>"$STATE/rss.txt"; done
wait "${WRKS[@]}" || true
wait $LOADER || true

echo "| route | req/s | p50 | p99 | timeouts (> 1 s) | non-2xx |"
echo "|---|---|---|---|---|---|"
for name in leaderboard-best leaderboard-recent-p3 player breeds-filter breed-detail images-page2 \
    v1-unknown-404 page-0-400; do
  awk -v name="$name" '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /timeout/ {for (i = 1; i <= NF; i++) if ($i == "timeout") t=$(i+1)}
    /Non-2xx/ {bad=$NF}
    END {printf "| %s | %s | %s | %s | %d | %d |\n", name, rps, p50, p99, t, bad}' "$STATE/$name.wrk"
done
echo
echo "api RSS every 30 s (MiB): $(tr '\n' ' ' <"$STATE/rss.txt")"
# The api's own view: its access log durations per route (from the request read to the answer).
/usr/bin/python3 - "$STATE/system.log" <<'PY'
import collections, json, sys
durations = collections.defaultdict(list)
for line in open(sys.argv[1]):
    if '"duration_ms"' in line and '"logger_name":"access"' in line:
        entry = json.loads(line)
        durations[(entry["route"], entry["status"])].append(entry["duration_ms"])
print("| route (api access log) | status | requests | p50 | p99 | p99.9 | max |")
print("|---|---|---|---|---|---|---|")
for (route, status), values in sorted(durations.items(), key=lambda kv: -len(kv[1]))[:10]:
    values.sort()
    n = len(values)
    print(f"| {route} | {status} | {n} | {values[n // 2]:.2f} ms | {values[int(n * .99)]:.2f} ms"
          f" | {values[int(n * .999)]:.2f} ms | {values[-1]:.0f} ms |")
PY
STORED=$(curl -s localhost:8001/metrics | awk '/^badge_scores_total\{.*outcome="stored"/ {printf "%d", $2}')
echo "drain: $(cat "$STATE/load.json"); scores stored by the drain: $STORED"
