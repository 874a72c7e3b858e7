#!/usr/bin/env bash
# Deep leaderboard pages on a grown database (issue #18): 10 M scores (bench/sql/ten-million.sql,
# 2.5 M per game). Times the first request (a cache miss, so the database answers) of pages at the
# start, at the api's page reach, at the end, and in the middle (a 400 since the reach), in every
# sort order, on a warmed api; then, side by side in PostgreSQL alone, the statement against the
# one before session 10 at the same offsets.
#   bench/pages.sh                 # ROUNDS=3: each page with pageSize 20, 25, 30 (new cache keys)
#   SEED=none bench/pages.sh       # on the small recorded data: a quick look, not the figure
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
REACH=10000 # the api's default API_LEADERBOARD_PAGE_REACH
if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
source devstack/system.sh
need_psql
start_system
if [ "${SEED:-ten-million}" != none ]; then
  echo "loading 10 M scores ..." >&2
  "${PSQL[@]}" -f bench/sql/ten-million.sql >/dev/null
fi
TOTAL=$("${PSQL[@]}" -c "SELECT scores FROM game_score_count WHERE game_id = 1")
echo "Breakout: $TOTAL scores" >&2
BOARD="http://127.0.0.1:8000/api/v2/games/BO/leaderboard"
# JIT warm-up on other cache keys (pageSize 10) than the ones timed below.
for sort in best recent; do
  wrk -t1 -c8 -d10s "$BOARD?sortBy=$sort&pageSize=10" >/dev/null
done
first() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$BOARD?$1"; }
median() { sort -n | awk '{v[NR]=$1} END {printf "%.1f", v[int((NR + 1) / 2)] * 1000}'; }
echo "| sortBy | page (number at the last pageSize) | status | first request, median of $ROUNDS (ms) |"
echo "|---|---|---|---|"
for sort in best worst recent stale; do
  for where in first reach end-1 end middle; do
    times=()
    for size in $(seq 20 5 $((15 + ROUNDS * 5))); do
      last=$(((TOTAL + size - 1) / size))
      case $where in
        first) page=1 ;;
        reach) page=$(((REACH + size - 1) / size)) ;;
        end-1) page=$((last - 1)) ;;
        end) page=$last ;;
        middle) page=$((last / 2)) ;;
      esac
      read -r status t < <(first "sortBy=$sort&pageSize=$size&page=$page")
      times+=("$t")
    done
    echo "| $sort | $where ($page) | $status | $(printf '%s\n' "${times[@]}" | median) |"
  done
done
# Side by side, PostgreSQL alone: this statement (skip in the index, then join the page's
# players; a page near the end read backwards) against the one before session 10 (join every row,
# then skip; every page read forwards) at the same offsets; and the middle if it were served.
ms() { "${PSQL[@]}" -c "EXPLAIN (ANALYZE, TIMING OFF) $1" | awk '/Execution Time/ {print $3}'; }
ORDER="s.score DESC, s.duration, s.player_uuid, s.first_seen_at"
now() { # offset, order
  echo "SELECT p.player_id, s.score, s.duration, s.first_seen_at FROM (SELECT s.player_uuid,
    s.score, s.duration, s.first_seen_at FROM score s WHERE s.game_id = 1 ORDER BY $2
    LIMIT 20 OFFSET $1) s JOIN player p ON p.player_uuid = s.player_uuid ORDER BY $2"
}
before() {
  echo "SELECT p.player_id, s.score, s.duration, s.first_seen_at FROM score s JOIN player p
    ON p.player_uuid = s.player_uuid WHERE s.game_id = 1
    ORDER BY s.score DESC, s.duration ASC, s.player_uuid LIMIT 20 OFFSET $1"
}
REVERSED="s.score ASC, s.duration DESC, s.player_uuid DESC, s.first_seen_at DESC"
side_by_side() {
  echo
  echo "| best, 20 rows at offset ($1) | this statement (ms) | before session 10 (ms) |"
  echo "|---|---|---|"
  echo "| 9 980 (the reach) | $(ms "$(now 9980 "$ORDER")") | $(ms "$(before 9980)") |"
  echo "| $((TOTAL - 20)) (the last page) | $(ms "$(now 0 "$REVERSED")") | $(ms "$(before $((TOTAL - 20)))") |"
  echo "| $((TOTAL / 2)) (the middle, now a 400) | $(ms "$(now $((TOTAL / 2)) "$ORDER")") if served | $(ms "$(before $((TOTAL / 2)))") |"
}
# Right after a bulk load no page of the table is marked all-visible yet, so even a scan of the
# covering index visits the table for each row; autovacuum marks them as the table grows (PostgreSQL
# 13+ vacuums after inserts too), and rows the drain wrote since its last pass are visited again.
side_by_side "right after the load"
"${PSQL[@]}" -c "VACUUM score" >/dev/null
side_by_side "after VACUUM"
