#!/usr/bin/env bash
# End-to-end lag at a steady rate (issue: benchmarks). Publishes RATE badge messages per second
# (5 distinct scores each) for DURATION_S seconds into the stream of a freshly started local system, samples
# the syncronizer's badge_stream_lag_seconds (age of the oldest message not yet stored) every
# 250 ms, and checks every score was stored.
#   bench/lag.sh                # RATE=5000 DURATION_S=30
#   RATE=8000 DURATION_S=60 bench/lag.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-5000}
DURATION_S=${DURATION_S:-30}
N=$((RATE * DURATION_S))
source devstack/system.sh
need_psql
start_system
"${PSQL[@]}" -c "TRUNCATE score"
sleep 5 # start-up work (first sync, JIT) out of the way

python3 bench/drain_load.py --n "$N" --rate "$RATE" --csv /dev/null >"$STATE/load.json" &
LOADER=$!
EXPECTED=$((N * 5))
: >"$STATE/lag.txt"
while :; do
  METRICS=$(curl -s localhost:8001/metrics)
  awk '/^badge_stream_lag_seconds/ {print $2}' <<<"$METRICS" >>"$STATE/lag.txt"
  COUNT=$(awk '/^badge_scores_total\{.*outcome="stored"/ {printf "%d", $2}' <<<"$METRICS")
  if ! kill -0 $LOADER 2>/dev/null && [ "${COUNT:-0}" -ge "$EXPECTED" ]; then break; fi
  sleep 0.25
done
wait $LOADER
STORED=$("${PSQL[@]}" -c "SELECT count(*) FROM score")
[ "$STORED" -eq "$EXPECTED" ] || { echo "expected $EXPECTED rows, found $STORED" >&2; exit 1; }
python3 - "$STATE/lag.txt" "$STATE/load.json" "$RATE" "$EXPECTED" <<'PY'
import json, sys
lags = sorted(float(x) for x in open(sys.argv[1]) if x.strip())
load = json.load(open(sys.argv[2]))
rate, expected = int(sys.argv[3]), int(sys.argv[4])
pick = lambda q: lags[min(len(lags) - 1, int(q * len(lags)))]
achieved = load["messages"] / (load["load_end"] - load["load_start"])
print(f"target {rate} msgs/s, achieved {achieved:,.0f} msgs/s for {load['load_end'] - load['load_start']:.1f} s; {expected} scores, all stored")
print(f"badge_stream_lag_seconds over {len(lags)} samples: p50 {pick(0.5):.2f} s, p99 {pick(0.99):.2f} s, max {lags[-1]:.2f} s")
PY
