package io.catscores.api.scores;

import com.fasterxml.jackson.annotation.JsonValue;
import io.catscores.api.web.Choice;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders of a leaderboard ({@code sortBy}), declared once for the parameter check, the SQL and
 * the OpenAPI document. best: score desc, then the faster run; worst: its reverse; recent/stale: by
 * first seen. Every order is served by an index of V2, forwards or backwards. Each ends with the
 * player and every column an entry shows, so only rows that look the same tie (the same result of
 * one player from two badges; the api cannot read the MAC): a page read backwards from the end
 * ({@link #reversed}) shows exactly what the forward order puts there (LeaderboardReachIT).
 */
enum ScoreOrder implements Choice {
  BEST("best", "s.score DESC, s.duration ASC"),
  WORST("worst", "s.score ASC, s.duration DESC"),
  RECENT("recent", "s.first_seen_at DESC"),
  STALE("stale", "s.first_seen_at ASC");

  private static final String TIE_BREAK =
      ", s.player_uuid ASC, s.score ASC, s.duration ASC, s.first_seen_at ASC";

  private final String key;
  final String orderBy;
  final String reversed;

  ScoreOrder(String key, String orderBy) {
    this.key = key;
    this.orderBy = orderBy + TIE_BREAK;
    this.reversed =
        Arrays.stream(this.orderBy.split(", "))
            .map(t -> t.endsWith(" ASC") ? t.replace(" ASC", " DESC") : t.replace(" DESC", " ASC"))
            .collect(Collectors.joining(", "));
  }

  @Override
  @JsonValue
  public String key() {
    return key;
  }
}
