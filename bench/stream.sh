#!/usr/bin/env bash
# Live streams under load (issue #17): CLIENTS server-sent-event streams on one api while badge
# messages are PUBLISHed at RATE/s on the badge API's channel (each with a new best Breakout score),
# for DURATION_S seconds. Reports the delivery latency from PUBLISH to client receipt (p50/p99 over
# every client and message, bench/stream_load.mjs), the api's RSS and CPU, and the cached GET
# throughput of one endpoint (wrk) side by side in one run: alone, during the same message load
# without streams, and with the streams. Everything (load generator included) shares the machine.
#   bench/stream.sh                       # CLIENTS=2000 RATE=500 DURATION_S=60
#   CLIENTS=500 RATE=100 DURATION_S=30 bench/stream.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-2000}
RATE=${RATE:-500}
DURATION_S=${DURATION_S:-60}
CACHED=${CACHED:-/api/v1/breeds/abys}
if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
ulimit -n "$(ulimit -Hn)" # two sockets per stream (client and api side)

source devstack/system.sh
start_system
publish_samples
API_PID=$(api_pid)
HZ=$(getconf CLK_TCK)
rss() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$API_PID/status"; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
wrk_rate() { wrk -t2 -c32 -d10s "http://127.0.0.1:8000$CACHED" | awk '/^Requests\/sec/ {printf "%d", $2}'; }
open_streams() { curl -s localhost:8000/metrics | awk '/^api_streams_open/ {printf "%d", $2}'; }

# phase <clients> <seconds> <name> <base>: the load in the background (its best scores from
# <base> up, above any earlier phase's); 10 s of CPU, then 10 s of wrk.
phase() {
  node bench/stream_load.mjs --clients "$1" --rate "$RATE" --seconds "$2" --base "$4" \
    >"$STATE/$3.json" &
  local load=$!
  for _ in $(seq 1 60); do [ "$(open_streams)" -ge "$1" ] && break; sleep 0.5; done
  sleep 5 # publishing starts 2 s after every client has its first state
  local a0 m0 n0 s0 a1 m1 n1 s1
  a0=$(ticks "$API_PID"); n0=$(ticks "$load"); m0=$(busy); s0=$(date +%s.%N)
  sleep 10
  a1=$(ticks "$API_PID"); n1=$(ticks "$load"); m1=$(busy); s1=$(date +%s.%N)
  echo "$(( a1 - a0 )) $(( n1 - n0 )) $(( m1 - m0 )) $s0 $s1 $(rss)" >"$STATE/$3.cpu"
  wrk_rate >"$STATE/$3.wrk"
  wait $load
}

wrk -t2 -c32 -d20s "http://127.0.0.1:8000$CACHED" >/dev/null # warm-up (JIT)
wrk_rate >"$STATE/alone.wrk"
RSS_BEFORE=$(rss)
phase 0 30 messages 10000000
phase "$CLIENTS" "$DURATION_S" streams 20000000
RSS_AFTER=$(rss)
/usr/bin/python3 - "$STATE" "$HZ" "$RSS_BEFORE" "$RSS_AFTER" "$CACHED" <<'PY'
import json, sys
state, hz, rss_before, rss_after, cached = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
def cpu(name):
    api, load, machine, s0, s1, rss = open(f"{state}/{name}.cpu").read().split()
    secs = float(s1) - float(s0)
    return (int(api) / hz / secs * 100, int(load) / hz / secs * 100, int(machine) / hz / secs * 100, rss)
wrk = {n: int(open(f"{state}/{n}.wrk").read() or 0) for n in ("alone", "messages", "streams")}
r = json.load(open(f"{state}/streams.json"))
print(f"{r['connected']} of {r['clients']} streams open, {r['failures']} failed;"
      f" {r['messages']} messages at {r['achieved_rate']}/s; {r['events']} events received")
print(f"delivery PUBLISH -> client: p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, max {r['max_ms']} ms"
      f" over {r['deliveries']:,} deliveries ({r['expected']:,} expected)")
for name in ("messages", "streams"):
    api, load, machine, rss = cpu(name)
    print(f"  {name:8}: api CPU {api:.0f} %, load generator {load:.0f} %, whole machine {machine:.0f} %"
          f" (% of one core; 200 % = both); api RSS {rss} MiB")
print(f"api RSS {rss_before} MiB before, {rss_after} MiB after")
print(f"cached GET {cached} (wrk -t2 -c32 10 s): alone {wrk['alone']} req/s;"
      f" with the messages {wrk['messages']} ({wrk['messages'] / wrk['alone'] * 100:.0f} %);"
      f" with messages and streams {wrk['streams']} ({wrk['streams'] / wrk['alone'] * 100:.0f} %,"
      f" {wrk['streams'] / wrk['messages'] * 100:.0f} % of the messages-only run)")
PY
