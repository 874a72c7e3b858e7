#!/usr/bin/env bash
# Drain benchmark (issue: score queue). Loads N badge messages (5 distinct scores each) into the
# Redis stream of a running local system, measures how fast the syncronizer's Quartz drain stores
# them and the lag, then times a raw psql \copy of the same rows into the same table.
#   bench/drain.sh            # N=200000, the syncronizer's default writers (2)
#   N=50000 WRITERS=4 bench/drain.sh
#   WARMUP=50000 bench/drain.sh # first drain (and throw away) 50 000 other messages: the JIT has
#                               # compiled the drain before the timed run (a cold one spends ~half
#                               # of the syncronizer's CPU in the compilers)
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
# Only the series the loop reads: the whole scrape (~120 kB of histogram buckets) five times a
# second took half a second of the syncronizer's CPU from a 12 s drain.
METRICS_URL="localhost:8001/metrics?includedNames=badge_scores,badge_stream_lag_seconds,badge_drain_write_seconds"
metric() { awk -v m="$1" '$0 ~ "^" m {printf "%s", $2; exit}' <<<"$2"; }
stored() { awk '/^badge_scores_total\{.*outcome="stored"/ {printf "%d", $2; exit}' <<<"$1"; }
WARMUP=${WARMUP:-0}
if [ "$WARMUP" -gt 0 ]; then
  python3 bench/drain_load.py --n "$WARMUP" --first 100000000 --players "${PLAYERS:-0}" --csv /dev/null >/dev/null
  wait_for "the warm-up stored" '[ "$(stored "$(curl -s "$METRICS_URL")")" -ge $((WARMUP * 5)) ]'
  "${PSQL[@]}" -c "TRUNCATE score"
fi
BEFORE=$(curl -s "$METRICS_URL")
BASE=$(stored "$BEFORE")
BASE_WRITE=$(metric badge_drain_write_seconds_sum "$BEFORE")
[ "${PREFILLED:-0}" = 1 ] && curl -sf -X POST "${AUTH[@]}" "$JOB/pause" >/dev/null
LOAD=$(python3 bench/drain_load.py --n "$N" --players "${PLAYERS:-0}" --csv "$STATE/rows.csv")
EXPECTED=$((N * 5))
START=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['load_start'])" "$LOAD")
LOADED=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['load_end'])" "$LOAD")
LOAD_SECONDS=$(python3 -c "print(float('$LOADED') - float('$START'))")
if [ "${PREFILLED:-0}" = 1 ]; then
  # Each timed part starts from a checkpoint: one falling inside either (every ~1 GB of WAL, ~2 M
  # scores here) makes it write whole pages to the WAL again, and moved single ratios by ±15 %.
  "${PSQL[@]}" -c "CHECKPOINT"
  sleep 2 # let the machine settle after the load
  START=$(date +%s.%N)
  LOADED=$START
  curl -sf -X POST "${AUTH[@]}" "$JOB/resume" >/dev/null
fi
MAX_LAG=0
while :; do
  # Read progress from the syncronizer's own counters: a count(*) every 200 ms would steal CPU.
  METRICS=$(curl -s "$METRICS_URL")
  COUNT=$(awk -v c="$(stored "$METRICS")" -v b="${BASE:-0}" 'BEGIN { printf "%d", c - b }')
  LAG=$(metric badge_stream_lag_seconds "$METRICS")
  MAX_LAG=$(awk -v a="$MAX_LAG" -v b="${LAG:-0}" 'BEGIN { print (b > a ? b : a) }') # no python per poll: CPU
  [ "$COUNT" -ge "$EXPECTED" ] && break
  sleep 0.2
done
DONE=$(date +%s.%N)
WRITE_SECONDS=$(awk -v w="$(metric badge_drain_write_seconds_sum "$(curl -s "$METRICS_URL")")" \
  -v b="${BASE_WRITE:-0}" 'BEGIN { print w - b }')
STORED=$("${PSQL[@]}" -c "SELECT count(*) FROM score")
[ "$STORED" -eq "$EXPECTED" ] || { echo "expected $EXPECTED rows, found $STORED" >&2; exit 1; }

"${PSQL[@]}" -c "TRUNCATE score"
"${PSQL[@]}" -c "CHECKPOINT"
COPY_START=$(date +%s.%N)
"${PSQL[@]}" -c "\\copy score (player_uuid, mac_address, game_id, score, duration, first_seen_at, stream_entry_id) FROM '$STATE/rows.csv' CSV"
COPY_END=$(date +%s.%N)
COPIED=$("${PSQL[@]}" -c "SELECT count(*) FROM score")

python3 - "$N" "$EXPECTED" "$START" "$LOADED" "$DONE" "$COPY_START" "$COPY_END" "$COPIED" "$MAX_LAG" "$WRITE_SECONDS" "$LOAD_SECONDS" <<'PY'
import os, sys
n, expected, start, loaded, done, c0, c1, copied, lag, write, load = sys.argv[1:]
expected, copied = int(expected), int(copied)
start, loaded, done, c0, c1 = map(float, (start, loaded, done, c0, c1))
print(f"messages={n} scores={expected} writers={os.environ.get('WRITERS', 'default (2)')} prefilled={os.environ.get('PREFILLED', '0')} players={os.environ.get('PLAYERS', 'one per message')} warmup={os.environ.get('WARMUP', '0')} messages")
print(f"load into stream: {float(load):.2f} s")
print(f"drain ({'resume' if os.environ.get('PREFILLED') == '1' else 'load start'} -> all stored): {done - start:.2f} s = {expected / (done - start):,.0f} scores/s")
print(f"drain after load finished: {done - loaded:.2f} s; max badge_stream_lag_seconds seen: {float(lag):.2f} s")
print(f"of which in the batch INSERT statements: {float(write):.2f} s")
print(f"psql \\copy of the same rows: {c1 - c0:.2f} s = {copied / (c1 - c0):,.0f} rows/s")
PY
