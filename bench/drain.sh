#!/usr/bin/env bash
# Drain benchmark (issue: score queue). Loads N badge messages (5 distinct scores each) into the
# Redis stream of a running local system, measures how fast the syncronizer's Quartz drain stores
# them and the lag, then times a raw psql \copy of the same rows into the same table.
#   bench/drain.sh            # N=200000, the syncronizer's default writers (2)
#   N=50000 WRITERS=4 bench/drain.sh
#   PLAYERS=2000 bench/drain.sh # 2 000 badges take turns (a conference), instead of a new player
#                               # per message; the rows are still all new scores
#   PREFILLED=1 bench/drain.sh  # load with the drain job paused, time it from resume: the drain's
#                               # own rate, without the loader on the same cores (what \copy is timed as)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-200000}
source devstack/system.sh
need_psql
if [ -n "${WRITERS:-}" ]; then SYSTEM_ENV=(SCORES_WRITERS="$WRITERS"); fi
start_system
"${PSQL[@]}" -c "TRUNCATE score"

JOB=localhost:8001/api/v1/sync/jobs/score-drain
AUTH=(-H "Authorization: Bearer ${ADMIN_TOKEN:-local-admin-token}")
[ "${PREFILLED:-0}" = 1 ] && curl -sf -X POST "${AUTH[@]}" "$JOB/pause" >/dev/null
LOAD=$(python3 bench/drain_load.py --n "$N" --players "${PLAYERS:-0}" --csv "$STATE/rows.csv")
EXPECTED=$((N * 5))
START=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['load_start'])" "$LOAD")
LOADED=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['load_end'])" "$LOAD")
LOAD_SECONDS=$(python3 -c "print(float('$LOADED') - float('$START'))")
if [ "${PREFILLED:-0}" = 1 ]; then
  sleep 2 # let the machine settle after the load
  START=$(date +%s.%N)
  LOADED=$START
  curl -sf -X POST "${AUTH[@]}" "$JOB/resume" >/dev/null
fi
MAX_LAG=0
while :; do
  # Read progress from the syncronizer's own counters: a count(*) every 200 ms would steal CPU.
  METRICS=$(curl -s localhost:8001/metrics)
  COUNT=$(awk '/^badge_scores_total\{.*outcome="stored"/ {printf "%d", $2}' <<<"$METRICS")
  COUNT=${COUNT:-0}
  LAG=$(awk '/^badge_stream_lag_seconds/ {print $2}' <<<"$METRICS")
  MAX_LAG=$(awk -v a="$MAX_LAG" -v b="${LAG:-0}" 'BEGIN { print (b > a ? b : a) }') # no python per poll: CPU
  [ "$COUNT" -ge "$EXPECTED" ] && break
  sleep 0.2
done
DONE=$(date +%s.%N)
WRITE_SECONDS=$(curl -s localhost:8001/metrics | awk '/^badge_drain_write_seconds_sum/ {print $2}')
STORED=$("${PSQL[@]}" -c "SELECT count(*) FROM score")
[ "$STORED" -eq "$EXPECTED" ] || { echo "expected $EXPECTED rows, found $STORED" >&2; exit 1; }

"${PSQL[@]}" -c "TRUNCATE score"
COPY_START=$(date +%s.%N)
"${PSQL[@]}" -c "\\copy score (player_uuid, mac_address, game_id, score, duration, first_seen_at, stream_entry_id) FROM '$STATE/rows.csv' CSV"
COPY_END=$(date +%s.%N)
COPIED=$("${PSQL[@]}" -c "SELECT count(*) FROM score")

python3 - "$N" "$EXPECTED" "$START" "$LOADED" "$DONE" "$COPY_START" "$COPY_END" "$COPIED" "$MAX_LAG" "$WRITE_SECONDS" "$LOAD_SECONDS" <<'PY'
import os, sys
n, expected, start, loaded, done, c0, c1, copied, lag, write, load = sys.argv[1:]
expected, copied = int(expected), int(copied)
start, loaded, done, c0, c1 = map(float, (start, loaded, done, c0, c1))
print(f"messages={n} scores={expected} writers={os.environ.get('WRITERS', 'default (2)')} prefilled={os.environ.get('PREFILLED', '0')} players={os.environ.get('PLAYERS', 'one per message')}")
print(f"load into stream: {float(load):.2f} s")
print(f"drain ({'resume' if os.environ.get('PREFILLED') == '1' else 'load start'} -> all stored): {done - start:.2f} s = {expected / (done - start):,.0f} scores/s")
print(f"drain after load finished: {done - loaded:.2f} s; max badge_stream_lag_seconds seen: {float(lag):.2f} s")
print(f"of which in the batch INSERT statements: {float(write):.2f} s")
print(f"psql \\copy of the same rows: {c1 - c0:.2f} s = {copied / (c1 - c0):,.0f} rows/s")
PY
