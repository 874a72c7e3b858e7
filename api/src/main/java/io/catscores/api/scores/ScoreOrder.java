package io.catscores.api.scores;

import com.fasterxml.jackson.annotation.JsonValue;
import io.catscores.api.web.Choice;

/**
 * The orders of a leaderboard ({@code sortBy}), declared once for the parameter check, the SQL and
 * the OpenAPI document. best: score desc, then the faster run; worst: its reverse; recent/stale: by
 * first seen. Every order is served by an index of V2.
 */
enum ScoreOrder implements Choice {
  BEST("best", "s.score DESC, s.duration ASC, s.player_uuid"),
  WORST("worst", "s.score ASC, s.duration DESC, s.player_uuid"),
  RECENT("recent", "s.first_seen_at DESC, s.player_uuid"),
  STALE("stale", "s.first_seen_at ASC, s.player_uuid");

  private final String key;
  final String orderBy;

  ScoreOrder(String key, String orderBy) {
    this.key = key;
    this.orderBy = orderBy;
  }

  @Override
  @JsonValue
  public String key() {
    return key;
  }
}
