#!/usr/bin/env bash
# Catalogue sync time (issue: benchmarks): a full sync into empty catalogue tables, then two
# resyncs of the unchanged upstream, against the local replica answering every call after a fixed
# LATENCY_MS (WireMock's global delay). Prints duration, rows written and upstream calls per run.
# BREEDS > 0 swaps the recorded 15-breed catalogue for that many synthetic breeds with 3 images
# each (TheCatAPI lists 67), so the run has the real number of upstream calls.
#   bench/sync.sh               # LATENCY_MS=50 BREEDS=67
#   BREEDS=0 bench/sync.sh      # the recorded catalogue
set -euo pipefail
cd "$(dirname "$0")/.."
LATENCY_MS=${LATENCY_MS:-50}
BREEDS=${BREEDS:-67}
AUTH=(-H "Authorization: Bearer local-admin-token")
JOB=localhost:8001/api/v1/sync/jobs/catalog-thecatapi
source devstack/system.sh
need_psql
start_system
wait_first_sync

curl -sf -X POST localhost:8089/__admin/settings -d "{\"fixedDelay\": $LATENCY_MS}" >/dev/null
if [ "$BREEDS" -gt 0 ]; then
  python3 - "$BREEDS" <<'PY' | while read -r mapping; do curl -sf -X POST localhost:8089/__admin/mappings -d "$mapping" >/dev/null; done
import json, sys
n = int(sys.argv[1])
model = json.load(open("devstack/src/main/resources/upstream/thecatapi/breeds.json"))[0]
breeds = [dict(model, id="b%03d" % i, name="Breed %d" % i, reference_image_id="b%03d-1" % i) for i in range(n)]
print(json.dumps({"priority": 1, "request": {"method": "GET", "urlPath": "/v1/breeds"},
                  "response": {"status": 200, "jsonBody": breeds}}))
image = '{"id": "{{request.query.breed_ids}}-%d", "url": "https://cdn.example/{{request.query.breed_ids}}-%d.jpg", "width": 800, "height": 600, "breed_ids": ["{{request.query.breed_ids}}"]}'
print(json.dumps({"priority": 1,
                  "request": {"method": "GET", "urlPath": "/v1/images/search",
                              "queryParameters": {"breed_ids": {"matches": "b[0-9]+"}}},
                  "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                               "body": "[" + ", ".join(image % (k, k) for k in (1, 2, 3)) + "]",
                               "transformers": ["response-template"]}}))
PY
fi
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
