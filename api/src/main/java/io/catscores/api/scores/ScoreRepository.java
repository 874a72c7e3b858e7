package io.catscores.api.scores;

import io.catscores.api.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read-only SQL over the drained scores. */
@Repository
class ScoreRepository {

  /** A player as the api knows them: the uuid stays inside, only the public id is shown. */
  record Player(UUID uuid, String id) {}

  private final DatabaseClient db;

  ScoreRepository(DatabaseClient db) {
    this.db = db;
  }

  Flux<ScoreViews.Game> games() {
    return db.sql("SELECT id, name, abbreviation FROM game ORDER BY id")
        .map(ScoreRepository::toGame)
        .all();
  }

  /** How many games there are: "around the world" is a score in each. */
  Mono<Long> gameCount() {
    return db.sql("SELECT count(*) FROM game").map(row -> row.get(0, Long.class)).one();
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

  /**
   * The game's number of scores as the V8 trigger keeps it with every write: one row read, however
   * many scores there are (issue #18; QueriesPerRequestIT proves no count of the score table is
   * run).
   */
  Mono<Long> countScores(int gameId) {
    return db.sql("SELECT coalesce((SELECT scores FROM game_score_count WHERE game_id = :game), 0)")
        .bind("game", gameId)
        .map(row -> row.get(0, Long.class))
        .one();
  }

  /** The first {@code page.pageSize()} entries of a game's board (the live streams' top). */
  Flux<ScoreViews.Entry> top(int gameId, ScoreOrder order, PageRequest page) {
    return leaderboard(gameId, order, page, 0, PageRequest.UNBOUNDED);
  }

  /**
   * One page of a game's board. Only the page's rows are joined to their players: the rows before
   * it are skipped in the score index alone. A page nearer the end of the board than {@code reach}
   * rows is read backwards from the end (the reversed order's index scan), so the last pages cost
   * what the first do (PageRequest#requireWithin(long, long); doc/benchmarks.md, "Deep pages").
   * Such a page is ranked from {@code total}, read by the statement before: scores stored between
   * the two (milliseconds) shift it by as many rows, as they would shift any page read a moment
   * later.
   */
  Flux<ScoreViews.Entry> leaderboard(
      int gameId, ScoreOrder order, PageRequest page, long total, long reach) {
    PageRequest.Rows read = page.rows(total, reach);
    // The inner statement picks the rows (backwards from the end if need be); the outer one
    // always puts them in the board's own order.
    Flux<ScoreViews.Entry> rows =
        db.sql(
                "SELECT p.player_id, s.score, s.duration, s.first_seen_at FROM (SELECT"
                    + " s.player_uuid, s.score, s.duration, s.first_seen_at FROM score s"
                    + " WHERE s.game_id = :game ORDER BY "
                    + (read.backwards() ? order.reversed : order.orderBy)
                    + " LIMIT :limit OFFSET :offset) s"
                    + " JOIN player p ON p.player_uuid = s.player_uuid ORDER BY "
                    + order.orderBy)
            .bind("game", gameId)
            .bind("limit", read.limit())
            .bind("offset", read.offset())
            .map(ScoreRepository::toEntry)
            .all();
    return ranked(rows, page.offset());
  }

  /** The entries with their rank on the whole board: {@code offset} rows come before them. */
  private static Flux<ScoreViews.Entry> ranked(Flux<ScoreViews.Entry> rows, long offset) {
    return rows.index()
        .map(
            indexed -> {
              ScoreViews.Entry e = indexed.getT2();
              return new ScoreViews.Entry(
                  offset + indexed.getT1() + 1,
                  e.playerId(),
                  e.score(),
                  e.duration(),
                  e.firstSeenAt());
            });
  }

  private static ScoreViews.Entry toEntry(Readable row) {
    return new ScoreViews.Entry(
        0,
        row.get("player_id", String.class),
        row.get("score", Long.class),
        row.get("duration", Long.class),
        row.get("first_seen_at", OffsetDateTime.class).toInstant());
  }

  /** The player with this user_uuid (a player looking themselves up). */
  Mono<Player> playerByUuid(UUID uuid) {
    return db.sql("SELECT player_uuid, player_id FROM player WHERE player_uuid = :uuid")
        .bind("uuid", uuid)
        .map(ScoreRepository::toPlayer)
        .one();
  }

  /** The player with this public id. */
  Mono<Player> playerById(String id) {
    return db.sql(
            "SELECT player_uuid, player_id FROM player WHERE player_id = :id"
                + " ORDER BY player_uuid LIMIT 1")
        .bind("id", id)
        .map(ScoreRepository::toPlayer)
        .one();
  }

  private static Player toPlayer(Readable row) {
    return new Player(row.get("player_uuid", UUID.class), row.get("player_id", String.class));
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
