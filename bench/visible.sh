#!/usr/bin/env bash
# Publish -> visible in a plain GET (issue #17), before and after change notifications, side by
# side in one run: the same system started three times: as before (no LISTEN, answers cached 1 s,
# the drain firing every second), with only the faster drain, then as shipped (evicted on NOTIFY,
# drain every 250 ms); each
# time bench/visible.mjs publishes COUNT new best scores, one every INTERVAL ms, while a client
# polls the leaderboard back to back. Then the cache hit ratio of that polling client.
#   bench/visible.sh                      # COUNT=300 INTERVAL=100
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-300}
INTERVAL=${INTERVAL:-100}
source devstack/system.sh
lookups() { curl -s localhost:8000/metrics | awk -v r="$1" '$0 ~ "^api_cache_lookups_total.*result=\""r"\"" {printf "%d", $2}'; }

# Commit -> visible for the catalogue: ROUNDS updates of a breed's origin (psql, committed when it
# returns), each followed by curl polls of /api/v2/origins until the new origin is there.
catalogue_delay() {
  local rounds=${ROUNDS:-50} start end
  : >"$STATE/catalogue.txt"
  curl -sf localhost:8000/api/v2/origins >/dev/null
  for i in $(seq 1 "$rounds"); do
    "${PSQL[@]}" -c "UPDATE breed SET origin = 'Bench$i' WHERE id = 'abys'"
    start=$(date +%s%N)
    until curl -sf localhost:8000/api/v2/origins | grep -q "Bench$i\""; do :; done
    end=$(date +%s%N)
    echo $(( (end - start) / 1000 )) >>"$STATE/catalogue.txt"
  done
  sort -n "$STATE/catalogue.txt" | awk '{v[NR]=$1} END {printf "catalogue commit -> visible in /api/v2/origins over %d updates: p50 %.1f ms, p99 %.1f ms, max %.1f ms (curl polls, ~4 ms each)\n", NR, v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000, v[NR]/1000}'
}

measure() { # label, then the apps' environment
  local label=$1; shift
  SYSTEM_ENV=("$@")
  start_system
  publish_samples
  local hits misses coalesced
  hits=$(lookups hit); misses=$(lookups miss); coalesced=$(lookups coalesced)
  local result
  result=$(node bench/visible.mjs --count "$COUNT" --interval "$INTERVAL")
  hits=$(( $(lookups hit) - hits )); misses=$(( $(lookups miss) - misses ))
  coalesced=$(( $(lookups coalesced) - coalesced ))
  /usr/bin/python3 - "$label" "$result" "$hits" "$misses" "$coalesced" <<'PY'
import json, sys
label, r = sys.argv[1], json.loads(sys.argv[2])
hits, misses, coalesced = map(int, sys.argv[3:6])
total = hits + misses + coalesced
print(f"| {label} | {r['seen']} of {r['scores']} | {r['p50_ms']} ms | {r['p99_ms']} ms | {r['max_ms']} ms"
      f" | {r['polls']:,} | {hits / total * 100:.1f} % |")
PY
  if [ "$label" = "$LAST" ]; then CATALOGUE=$(catalogue_delay); fi
  stop_system
  trap - EXIT
}
need_psql
LAST="after: evicted on NOTIFY, drain every 250 ms"

echo "| configuration | scores seen | p50 | p99 | max | polls | cache hit ratio |"
echo "|---|---|---|---|---|---|---|"
measure "before: TTL 1 s, no LISTEN, drain every 1 s" \
  API_CHANGES_LISTEN=false API_CACHE_SCORES_TTL=1s API_CACHE_UNHEARD_TTL=1s SCORES_DRAIN_INTERVAL=1s
measure "drain every 250 ms, still TTL 1 s, no LISTEN" \
  API_CHANGES_LISTEN=false API_CACHE_SCORES_TTL=1s API_CACHE_UNHEARD_TTL=1s
measure "$LAST"
echo
echo "$CATALOGUE"
