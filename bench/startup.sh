#!/usr/bin/env bash
# Start-up (issue #18): `./run` from the command to the api answering /healthz/ready and the
# syncronizer /healthz, with a warm Maven cache and the jars built once before (RUNS times, on the
# .local data ./run keeps), and each app's own "Started … in" line. Then each app alone: once the
# system is ready and quiet, a second instance of it (same JVM options, environment and start-up
# archive, other port) starts while nothing else starts.
#   bench/startup.sh            # RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
devstack/build-if-changed.sh # the Maven cache and jars warm
started() { grep -o "Started $1 in [0-9.]* seconds" "$2" | grep -o '[0-9.]*' | head -1; }

# A second instance of the running app whose command line matches $1, on port $2.
alone() {
  local pid log
  pid=$(pgrep -f -- "$1" | head -1)
  log=$(mktemp)
  mapfile -d '' command <"/proc/$pid/cmdline"
  (cd "/proc/$pid/cwd" && exec env -i $(tr '\0' '\n' <"/proc/$pid/environ" | grep -v '^SERVER_PORT=') \
    SERVER_PORT="$2" "${command[@]}" >"$log" 2>&1) &
  local second=$!
  for _ in $(seq 1 300); do grep -q "Started " "$log" && break; sleep 0.1; done
  kill -TERM $second 2>/dev/null || true
  wait $second 2>/dev/null || true
  grep -o "Started [A-Za-z]* in [0-9.]* seconds" "$log" | grep -o '[0-9.]* seconds' || echo "did not start"
  rm -f "$log"
}

echo "| run | ./run → both ready | api Started in | syncronizer Started in | api alone | syncronizer alone |"
echo "|---|---|---|---|---|---|"
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
  sleep 10 # the first sync done, the system quiet
  api_alone=$(alone 'startup/app/api.jar' 8010)
  sync_alone=$(alone 'startup/app/syncronizer.jar' 8012)
  echo "| $run | $(awk -v ms="$ready" 'BEGIN {printf "%.1f s", ms / 1000}') |" \
    "$(started ApiApplication "$log") s | $(started SyncronizerApplication "$log") s |" \
    "$api_alone | $sync_alone |"
  kill -TERM $runner; wait $runner 2>/dev/null || true
  rm -f "$log"
done
