package io.catscores.syncronizer.scores;

import java.util.List;
import java.util.UUID;

/** What one score-queue message means once parsed; see {@link BadgeMessageParser}. */
sealed interface BadgeMessage {

  /** The event type as the badge sent it, or {@code invalid} when there is none to trust. */
  String event();

  /**
   * A {@code high-score} message: the badge's whole high-score table. Items that could not be read
   * are listed in {@code rejected}; the readable ones are still stored.
   */
  record HighScores(
      String event, UUID player, String macAddress, List<Score> scores, List<String> rejected)
      implements BadgeMessage {}

  /** A valid message that carries no score: counted and acknowledged. */
  record Counted(String event) implements BadgeMessage {}

  /** A message that cannot be used at all; it goes to the dead-letter stream with the reason. */
  record Invalid(String event, String reason) implements BadgeMessage {}

  /** One high-score entry, resolved to a known game. */
  record Score(short gameId, long score, long duration) {}
}
