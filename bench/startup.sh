#!/usr/bin/env bash
# Start-up (issue #18): `./run` from the command to the api answering /healthz/ready and the
# syncronizer /healthz, with a warm Maven cache and the jars built once before (RUNS times, on the
# .local data ./run keeps), and each app's own "Started … in" line.
#   bench/startup.sh            # RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
./mvnw -q -B -DskipTests -Dspotless.check.skip=true package # the Maven cache and jars warm
echo "| run | ./run → both ready | api Started in | syncronizer Started in |"
echo "|---|---|---|---|"
for run in $(seq 1 "$RUNS"); do
  log=$(mktemp)
  start=$(date +%s%N)
  ./run >"$log" 2>&1 &
  runner=$!
  until curl -sf localhost:8000/healthz/ready >/dev/null 2>&1 && curl -sf localhost:8001/healthz >/dev/null 2>&1; do
    kill -0 $runner 2>/dev/null || { tail -30 "$log" >&2; exit 1; }
    sleep 0.1
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  api=$(grep -o 'Started ApiApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1)
  sync=$(grep -o 'Started SyncronizerApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1)
  echo "| $run | $(awk -v ms="$ready" 'BEGIN {printf "%.1f s", ms / 1000}') | ${api} s | ${sync} s |"
  kill -TERM $runner; wait $runner 2>/dev/null || true
  rm -f "$log"
done
