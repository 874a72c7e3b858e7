# Shared by the bench scripts (source it from the repository root): the whole local system in a
# throw-away folder, stopped when the script exits.
#   start_system        builds the jars, starts devstack (extra env for its JVMs: STACK_ENV=(...)),
#                       waits for the api; sets STATE (scratch folder) and STACK (pid)
#   wait_first_sync     waits for the start-up catalogue sync to succeed
#   on_stop             define it before start_system to clean up more on exit
PSQL=(psql -X -q -t -A -h localhost -p 54329 -U postgres catscores)
STACK_ENV=(${STACK_ENV[@]+"${STACK_ENV[@]}"})

start_system() {
  command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
  STATE=$(mktemp -d /tmp/catscores-bench.XXXXXX)
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
  env ${STACK_ENV[@]+"${STACK_ENV[@]}"} DEVSTACK_STATE="$STATE" \
    java -jar devstack/target/devstack-exec.jar >"$STATE/stack.log" 2>&1 &
  STACK=$!
  trap stop_system EXIT
  for _ in $(seq 1 180); do curl -sf localhost:8000/healthz >/dev/null && return 0; sleep 1; done
  echo "the system did not start; its log:" >&2
  tail -30 "$STATE/stack.log" >&2
  return 1
}

wait_first_sync() {
  until curl -s localhost:8001/api/v1/sync/jobs/catalog-thecatapi | grep -q '"outcome":"succeeded"'; do
    sleep 1
  done
}

stop_system() {
  if declare -F on_stop >/dev/null; then on_stop || true; fi
  kill "$STACK" 2>/dev/null || true
  wait "$STACK" 2>/dev/null || true
  rm -rf "$STATE"
}
