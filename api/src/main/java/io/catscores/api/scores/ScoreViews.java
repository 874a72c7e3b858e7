package io.catscores.api.scores;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.catscores.api.web.Page;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the score endpoints. */
final class ScoreViews {

  private ScoreViews() {}

  record Game(int id, String name, String abbreviation) {}

  /**
   * One leaderboard line; {@code rank} is the position in the requested order. {@code playerId} is
   * the player's public id: never their user_uuid or badge MAC, the badge API's credentials.
   */
  record Entry(long rank, String playerId, long score, long duration, Instant firstSeenAt) {}

  /**
   * A game's top N as a live stream sends it: the whole top each time (a late or reconnecting
   * client needs no history); {@code version} grows with every change of the game's top 100.
   */
  record Top(Game game, long version, List<Entry> entries) {}

  record PlayerScore(String game, long score, long duration, Instant firstSeenAt) {}

  /**
   * A player's page: their scores, paged; {@code aroundTheWorld} is true once every game has a
   * score. The page's fields stay at the top level of the JSON.
   */
  record PlayerScores(
      String playerId,
      List<String> gamesPlayed,
      boolean aroundTheWorld,
      @JsonUnwrapped Page<PlayerScore> page) {}
}
