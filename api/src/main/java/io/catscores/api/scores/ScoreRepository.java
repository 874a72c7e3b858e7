package io.catscores.api.scores;

import io.catscores.api.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read-only SQL over the drained scores. Every order is served by an index of V2. */
@Repository
class ScoreRepository {

  /** best: score desc, then the faster run; worst: its reverse; recent/stale: by first seen. */
  static final Map<String, String> ORDER =
      Map.of(
          "best", "score DESC, duration ASC, player_uuid",
          "worst", "score ASC, duration DESC, player_uuid",
          "recent", "first_seen_at DESC, player_uuid",
          "stale", "first_seen_at ASC, player_uuid");

  private final DatabaseClient db;

  ScoreRepository(DatabaseClient db) {
    this.db = db;
  }

  Flux<ScoreViews.Game> games() {
    return db.sql("SELECT id, name, abbreviation FROM game ORDER BY id")
        .map(ScoreRepository::toGame)
        .all();
  }

  /** A game by id, name or abbreviation, case-insensitively. */
  Mono<ScoreViews.Game> game(String key) {
    return db.sql(
            "SELECT id, name, abbreviation FROM game WHERE id::text = :key"
                + " OR lower(name) = lower(:key) OR lower(abbreviation) = lower(:key)")
        .bind("key", key)
        .map(ScoreRepository::toGame)
        .one();
  }

  Mono<Long> countScores(int gameId) {
    return db.sql("SELECT count(*) FROM score WHERE game_id = :game")
        .bind("game", gameId)
        .map(row -> row.get(0, Long.class))
        .one();
  }

  Flux<ScoreViews.Entry> leaderboard(int gameId, String sortBy, PageRequest page) {
    long offset = page.offset();
    return db.sql(
            "SELECT player_uuid, mac_address, score, duration, first_seen_at FROM score"
                + " WHERE game_id = :game ORDER BY "
                + ORDER.get(sortBy)
                + " LIMIT :limit OFFSET :offset")
        .bind("game", gameId)
        .bind("limit", page.pageSize())
        .bind("offset", offset)
        .map(
            (row, meta) ->
                new Object[] {
                  row.get("player_uuid", UUID.class).toString(),
                  row.get("mac_address", String.class),
                  row.get("score", Long.class),
                  row.get("duration", Long.class),
                  row.get("first_seen_at", OffsetDateTime.class).toInstant()
                })
        .all()
        .index()
        .map(
            indexed -> {
              Object[] r = indexed.getT2();
              return new ScoreViews.Entry(
                  offset + indexed.getT1() + 1,
                  (String) r[0],
                  (String) r[1],
                  (Long) r[2],
                  (Long) r[3],
                  (java.time.Instant) r[4]);
            });
  }

  Flux<String> gamesPlayed(UUID player) {
    return db.sql(
            "SELECT g.name FROM game g WHERE EXISTS"
                + " (SELECT 1 FROM score s WHERE s.player_uuid = :player AND s.game_id = g.id)"
                + " ORDER BY g.id")
        .bind("player", player)
        .map(row -> row.get("name", String.class))
        .all();
  }

  Mono<Long> countPlayerScores(UUID player) {
    return db.sql("SELECT count(*) FROM score WHERE player_uuid = :player")
        .bind("player", player)
        .map(row -> row.get(0, Long.class))
        .one();
  }

  Flux<ScoreViews.PlayerScore> playerScores(UUID player, PageRequest page) {
    return db.sql(
            "SELECT g.name AS game, s.score, s.duration, s.first_seen_at FROM score s"
                + " JOIN game g ON g.id = s.game_id WHERE s.player_uuid = :player"
                + " ORDER BY g.id, s.score DESC, s.duration ASC LIMIT :limit OFFSET :offset")
        .bind("player", player)
        .bind("limit", page.pageSize())
        .bind("offset", page.offset())
        .map(
            row ->
                new ScoreViews.PlayerScore(
                    row.get("game", String.class),
                    row.get("score", Long.class),
                    row.get("duration", Long.class),
                    row.get("first_seen_at", OffsetDateTime.class).toInstant()))
        .all();
  }

  private static ScoreViews.Game toGame(Readable row) {
    return new ScoreViews.Game(
        row.get("id", Short.class),
        row.get("name", String.class),
        row.get("abbreviation", String.class));
  }
}
