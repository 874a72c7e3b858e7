#!/usr/bin/env bash
# Catalogue sync time (issue: benchmarks): a full sync into empty catalogue tables, then two
# resyncs of the unchanged upstream, against the local replica answering every call after a fixed
# LATENCY_MS (WireMock's global delay). Prints duration, rows written and upstream calls per run.
#   bench/sync.sh               # LATENCY_MS=50
set -euo pipefail
cd "$(dirname "$0")/.."
LATENCY_MS=${LATENCY_MS:-50}
STATE=$(mktemp -d /tmp/catscores-sync.XXXXXX)
PSQL=(psql -X -q -t -A -h localhost -p 54329 -U postgres catscores)
AUTH=(-H "Authorization: Bearer local-admin-token")
JOB=localhost:8001/api/v1/sync/jobs/catalog-thecatapi
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }

./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
DEVSTACK_STATE="$STATE" java -jar devstack/target/devstack-exec.jar >"$STATE/stack.log" 2>&1 &
STACK=$!
trap 'kill $STACK 2>/dev/null; wait $STACK 2>/dev/null; rm -rf "$STATE"' EXIT
for _ in $(seq 1 180); do curl -sf localhost:8000/healthz >/dev/null && break; sleep 1; done
until curl -s $JOB | grep -q '"outcome":"succeeded"'; do sleep 1; done

curl -sf -X POST localhost:8089/__admin/settings -d "{\"fixedDelay\": $LATENCY_MS}" >/dev/null
"${PSQL[@]}" -c "TRUNCATE breed, category, image, breed_image, category_image"
echo "| run | duration (sync_run) | inserted | updated | removed | upstream calls |"
echo "|---|---|---|---|---|---|"
for run in "full (empty tables)" "resync (unchanged upstream)" "resync (unchanged upstream)"; do
  curl -sf -X DELETE localhost:8089/__admin/requests >/dev/null
  before=$("${PSQL[@]}" -c "SELECT coalesce(max(id), 0) FROM sync_run")
  curl -sf -X POST "${AUTH[@]}" "$JOB/trigger" >/dev/null
  until [ "$("${PSQL[@]}" -c "SELECT count(*) FROM sync_run WHERE id > $before AND outcome <> 'running'")" -ge 1 ]; do
    sleep 0.2
  done
  row=$("${PSQL[@]}" -F ' ' -c "SELECT round(extract(epoch FROM finished_at - started_at) * 1000), inserted, updated, removed, outcome FROM sync_run WHERE id > $before ORDER BY id LIMIT 1")
  read -r ms inserted updated removed outcome <<<"$row"
  [ "$outcome" = succeeded ] || { echo "run $run: $outcome" >&2; exit 1; }
  calls=$(curl -sf localhost:8089/__admin/requests | python3 -c 'import json,sys; print(len([r for r in json.load(sys.stdin)["requests"] if r["request"]["url"].startswith("/v1/")]))')
  echo "| $run | $ms ms | $inserted | $updated | $removed | $calls |"
done
echo
echo "upstream latency ${LATENCY_MS} ms per call; catalogue: $("${PSQL[@]}" -c "SELECT count(*) FROM breed") breeds, $("${PSQL[@]}" -c "SELECT count(*) FROM image") images"
