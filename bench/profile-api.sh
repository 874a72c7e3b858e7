#!/usr/bin/env bash
# CPU profile of the api under wrk load (async-profiler from Maven Central, loaded at JVM start
# through JAVA_TOOL_OPTIONS, since jcmd's JVMTI.agent_load mangles its option string): starts the
# whole system, runs `wrk -t2 -c64` for WARMUP then DURATION, stops, and prints where the api's CPU
# time went (whole process life, start-up included) by coarse component and by frame (self time).
#   bench/profile-api.sh                                  # /api/v2/breeds?origin=United%20States
#   ENDPOINT=/api/v2/breeds/abys DURATION=20s bench/profile-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ENDPOINT=${ENDPOINT:-/api/v2/breeds?origin=United%20States}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-15s}
AP_VERSION=4.2
OUT=${OUT:-/tmp/api-profile.collapsed}
PROFILES=$(mktemp -d /tmp/catscores-profile.XXXXXX)
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
./mvnw -q -B dependency:get -Dartifact=tools.profiler:async-profiler:$AP_VERSION -Dtransitive=false
unzip -q -o ~/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar \
  'linux-x64/*' -d "$PROFILES/ap"
LIB="$PROFILES/ap/linux-x64/libasyncProfiler.so"

# Every JVM of the stack loads the agent; each writes its own file (%p = pid) when it exits.
SYSTEM_ENV=("JAVA_TOOL_OPTIONS=-agentpath:$LIB=start,event=itimer,interval=1ms,file=$PROFILES/profile-%p.collapsed,collapsed")
source devstack/system.sh
start_system
wait_first_sync
API_PID=$(api_pid)

wrk -t2 -c64 -d"$WARMUP" "http://127.0.0.1:8000$ENDPOINT" | grep -E "Requests/sec" | sed 's/^/warm-up /'
wrk -t2 -c64 -d"$DURATION" --latency "http://127.0.0.1:8000$ENDPOINT" | grep -E "Requests/sec|99%"
kill "$SYSTEM"; wait "$SYSTEM" 2>/dev/null || true
for _ in $(seq 1 30); do [ -s "$PROFILES/profile-$API_PID.collapsed" ] && break; sleep 1; done
cp "$PROFILES/profile-$API_PID.collapsed" "$OUT"
rm -rf "$PROFILES"
python3 - "$OUT" <<'PY'
import collections, sys
total = 0; self_time = collections.Counter(); parts = collections.Counter()
rules = [("access log (logback, logstash encoder)", ("ch/qos/logback", "net/logstash")),
         ("request telemetry (RequestTelemetry, RequestRecord: timer, ids, log call)", ("RequestTelemetry", "RequestRecord")),
         ("tracing (brave, micrometer tracing)", ("brave/", "io/micrometer/tracing")),
         ("metrics and observation (micrometer)", ("io/micrometer/core", "io/micrometer/observation")),
         ("reactor context propagation", ("io/micrometer/context", "ContextPropagation")),
         ("response cache", ("ResponseCache",)),
         ("spring web (filters, dispatch)", ("org/springframework/web",)),
         ("netty / reactor-netty", ("io/netty", "reactor/netty")),
         ("JIT compilers", ("CompileBroker", "C2Compiler", "Compilation::")),
         ("GC", ("GC", "SerialHeap", "DefNew", "Tenured"))]
for line in open(sys.argv[1]):
    stack, _, n = line.rstrip().rpartition(" ")
    n = int(n); total += n
    frames = stack.split(";")
    self_time[frames[-1]] += n
    for name, keys in rules:
        if any(k in f for f in frames for k in keys):
            parts[name] += n
print(f"samples: {total}")
print("by component (inclusive, overlapping):")
for name, _ in rules:
    print(f"  {100 * parts[name] / total:5.1f} %  {name}")
print("top self frames:")
for frame, n in self_time.most_common(15):
    print(f"  {100 * n / total:5.1f} %  {frame[:140]}")
PY
echo "collapsed stacks: $OUT (flame graph: async-profiler's converter, or speedscope)"
