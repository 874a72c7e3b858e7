# The whole local system (what ./run starts) in the background, for scripts: the benchmarks, the
# Postman run and the live metrics check. Source it from the repository root.
#   start_system        builds the jars, starts the system in a throw-away folder, waits until both
#                       apps are up; sets STATE (scratch folder, removed on exit) and SYSTEM (pid).
#                       Extra environment for its JVMs: SYSTEM_ENV=(NAME=value ...) before the call.
#   wait_for DESC CMD   waits up to 240 s until CMD succeeds; fails, with the system's log, when the
#                       system exits or the time is up
#   wait_first_sync     waits for the start-up catalogue sync to succeed
#   publish_samples     publishes the badge API's sample messages on its Pub/Sub channel, as in
#                       production, and waits until the drain has stored them
#   on_stop             define it before start_system to clean up more on exit
#   api_pid             the pid of the process listening on the api's port (8000)
PSQL=(psql -X -q -t -A -h localhost -p 54329 -U postgres catscores)

start_system() {
  STATE=$(mktemp -d /tmp/catscores-system.XXXXXX)
  devstack/build-if-changed.sh
  # Not ./run: SYSTEM_ENV (a profiler agent, say) is for the apps, not for the Maven build.
  env ${SYSTEM_ENV[@]+"${SYSTEM_ENV[@]}"} DEVSTACK_STATE="$STATE" \
    java -jar devstack/target/devstack-exec.jar >"$STATE/system.log" 2>&1 &
  SYSTEM=$!
  trap stop_system EXIT
  wait_for "api readiness" "curl -sf localhost:8000/healthz/ready"
  wait_for "syncronizer" "curl -sf localhost:8001/healthz"
}

wait_for() {
  for _ in $(seq 1 240); do
    if eval "$2" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SYSTEM" 2>/dev/null; then
      echo "the system exited while waiting for $1:" >&2
      tail -50 "$STATE/system.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "timed out waiting for $1" >&2
  tail -50 "$STATE/system.log" >&2
  return 1
}

wait_first_sync() {
  wait_for "the first completed sync" \
    "curl -sf localhost:8001/api/v1/sync/jobs/catalog-thecatapi | grep -q '\"outcome\":\"succeeded\"'"
}

publish_samples() {
  python3 - <<'PY'
import socket
sock = socket.create_connection(("127.0.0.1", 63799))
with open("syncronizer/src/test/resources/samples/badge-score-messages.jsonl", "rb") as samples:
    lines = [line.rstrip(b"\n") for line in samples if line.strip()]
for line in lines:
    parts = [b"PUBLISH", b"high-score-processor", line]
    sock.sendall(b"*3\r\n" + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts))
reader = sock.makefile("rb")
for _ in lines:
    reader.readline()
PY
  wait_for "the published scores" \
    "curl -sf localhost:8000/api/v2/players/b2d7e5c1-77aa-4f0e-8c2b-91f3a6d0e4c8"
}

need_psql() {
  command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
}

stop_system() {
  if declare -F on_stop >/dev/null; then on_stop || true; fi
  kill "$SYSTEM" 2>/dev/null || true
  wait "$SYSTEM" 2>/dev/null || true
  rm -rf "$STATE"
}

# The listener on :8000, not a command-line match: another api on the machine (a benchmark's
# second instance, say) matches that too, and the alert drill once stopped the wrong one.
api_pid() {
  local pid
  pid=$(ss -Hltnp 'sport = :8000' 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  echo "${pid:-$(pgrep -f -- '-jar .*api/target/(startup/app/)?api.jar' | head -1)}"
}
