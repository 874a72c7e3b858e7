#!/usr/bin/env bash
# Abuse benchmark (#14): one ill-behaved client at full speed, every request missing the cache,
# from its own loopback address (127.0.0.2, bench/abuser.py), while a well-behaved wrk -c64 reads
# cached endpoints from 127.0.0.1. Reports the well-behaved req/s and p99 without and with the
# abuser, side by side in one run, and how the api answered the abuser (429s, 5xx).
#   bench/abuse.sh                       # 20 s per phase, defaults of the api's limits
#   DURATION=30 bench/abuse.sh
#   LIMIT=off bench/abuse.sh             # the same with the per-client limit switched off
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
source devstack/system.sh
if [ "${LIMIT:-on}" = off ]; then SYSTEM_ENV=(API_LIMIT_MISSES_PER_SECOND=0); fi
start_system
wait_first_sync
publish_samples

cat >"$STATE/mix.lua" <<'LUA'
-- the three benchmark endpoints of bench/api.sh, in turn: all answered from the response cache
local paths = {"/api/v2/breeds?origin=United%20States", "/api/v2/breeds/abys",
               "/api/v2/games/BO/leaderboard?sortBy=best"}
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[i % #paths + 1]) end
LUA
API_PID=$(api_pid)
well_behaved() { # -> "req/s p99 non-2xx"
  wrk -t1 -c64 -d"${DURATION}s" --latency -s "$STATE/mix.lua" http://127.0.0.1:8000 | awk '
    /Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
    END {print rps, p99, (bad ? bad : 0)}'
}
wrk -t1 -c64 -d15s -s "$STATE/mix.lua" http://127.0.0.1:8000 >/dev/null # JIT warm-up
python3 bench/abuser.py --seconds 10 >/dev/null # the abuser's paths warmed up too

read -r alone_rps alone_p99 alone_bad < <(well_behaved)
python3 bench/abuser.py --seconds "$((DURATION + 4))" >"$STATE/abuser.json" &
ABUSER=$!
sleep 2
read -r with_rps with_p99 with_bad < <(well_behaved)
wait "$ABUSER"
echo "| well-behaved client (wrk -c64, cached) | req/s | p99 | non-2xx |"
echo "|---|---|---|---|"
echo "| alone | $alone_rps | $alone_p99 | $alone_bad |"
echo "| with the abuser | $with_rps | $with_p99 | $with_bad |"
python3 - "$alone_rps" "$with_rps" "$STATE/abuser.json" <<'PY'
import json, sys
alone, with_abuser, counts = float(sys.argv[1]), float(sys.argv[2]), json.load(open(sys.argv[3]))
total = sum(counts.values())
fivexx = sum(n for status, n in counts.items() if status.startswith("5"))
print("well-behaved throughput with the abuser: %.0f %% of alone (target: >= 80 %%)" % (100 * with_abuser / alone))
print("abuser: %d requests, answers %s, 5xx: %d" % (total, counts, fivexx))
PY
echo "api RSS: $(awk '/^VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$API_PID/status")"
