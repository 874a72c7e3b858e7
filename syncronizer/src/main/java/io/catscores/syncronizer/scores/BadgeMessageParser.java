package io.catscores.syncronizer.scores;

import io.catscores.syncronizer.scores.BadgeMessage.Counted;
import io.catscores.syncronizer.scores.BadgeMessage.HighScores;
import io.catscores.syncronizer.scores.BadgeMessage.Invalid;
import io.catscores.syncronizer.scores.BadgeMessage.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the conference badge API's score messages. {@code high_scores} comes in two shapes, a list
 * of {@code {"g","s","d"}} objects or of {@code [game, score, duration]} triples, with the game
 * given by name or abbreviation. Never throws: anything unusable becomes {@link Invalid}.
 */
final class BadgeMessageParser {

  static final String HIGH_SCORE = "high-score";
  static final Set<String> COUNTED_EVENTS = Set.of("status", "around-the-world", "challenge-check");
  private static final int MAX_SCORES_PER_MESSAGE = 1_000;
  // A MAC is stored as sent (tabs and quotes included), but PostgreSQL's text holds no NUL, and
  // the natural key's index refuses rows over ~2.7 kB: such a MAC failed its whole batch on every
  // retry, so it is refused here (ScoreDrainIT). A badge's is 17 characters.
  static final int MAX_MAC_LENGTH = 64;

  private final ObjectMapper json;
  private final Function<String, Short> gameIds;

  /**
   * @param gameIds the game id for a name or abbreviation, or null for an unknown game
   */
  BadgeMessageParser(ObjectMapper json, Function<String, Short> gameIds) {
    this.json = json;
    this.gameIds = gameIds;
  }

  BadgeMessage parse(String payload) {
    if (payload == null || payload.isBlank()) {
      return new Invalid("invalid", "empty message");
    }
    JsonNode root;
    try {
      root = json.readTree(payload);
    } catch (JacksonException e) {
      return new Invalid("invalid", "invalid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return new Invalid("invalid", "not a JSON object");
    }
    JsonNode eventNode = root.get("event");
    if (eventNode == null || !eventNode.isString() || eventNode.asString().isBlank()) {
      return new Invalid("invalid", "missing event");
    }
    String event = eventNode.asString();
    if (!event.equals(HIGH_SCORE) && !COUNTED_EVENTS.contains(event)) {
      return new Invalid("unknown", "unknown event '" + abbreviate(event) + "'");
    }
    return fromPlayer(event, root);
  }

  /** The sender (user_uuid, mac_address) is checked for every known event. */
  private BadgeMessage fromPlayer(String event, JsonNode root) {
    UUID player;
    try {
      player = UUID.fromString(text(root, "user_uuid"));
    } catch (IllegalArgumentException | NullPointerException e) {
      return new Invalid(event, "missing or invalid user_uuid");
    }
    String mac = text(root, "mac_address");
    if (mac == null || mac.isBlank()) {
      return new Invalid(event, "missing mac_address");
    }
    if (mac.length() > MAX_MAC_LENGTH) {
      return new Invalid(event, "mac_address is longer than " + MAX_MAC_LENGTH + " characters");
    }
    if (mac.indexOf('\0') >= 0) {
      return new Invalid(event, "mac_address contains a NUL character");
    }
    if (!event.equals(HIGH_SCORE)) {
      return new Counted(event);
    }
    return highScores(event, player, mac.trim(), root.get("high_scores"));
  }

  /** A high-score table: the readable entries are kept, the others named in the rejections. */
  private BadgeMessage highScores(String event, UUID player, String mac, JsonNode table) {
    if (table == null || !table.isArray()) {
      return new Invalid(event, "high_scores is missing or not a list");
    }
    if (table.size() > MAX_SCORES_PER_MESSAGE) {
      return new Invalid(event, "high_scores has more than " + MAX_SCORES_PER_MESSAGE + " entries");
    }
    List<Score> scores = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      String problem = readScore(table.get(i), scores);
      if (problem != null) {
        rejected.add("high_scores[" + i + "]: " + problem);
      }
    }
    if (scores.isEmpty() && !rejected.isEmpty()) {
      return new Invalid(event, String.join("; ", rejected));
    }
    return new HighScores(event, player, mac, List.copyOf(scores), List.copyOf(rejected));
  }

  /** Adds the entry to {@code scores}, or returns why it cannot be read. */
  private String readScore(JsonNode entry, List<Score> scores) {
    JsonNode game;
    JsonNode score;
    JsonNode duration;
    if (entry.isObject()) {
      game = entry.get("g");
      score = entry.get("s");
      duration = entry.get("d");
    } else if (entry.isArray() && entry.size() == 3) {
      game = entry.get(0);
      score = entry.get(1);
      duration = entry.get(2);
    } else {
      return "neither {g,s,d} nor [game, score, duration]";
    }
    if (game == null || !game.isString()) {
      return "missing game";
    }
    Short gameId = gameIds.apply(game.asString());
    if (gameId == null) {
      return "unknown game '" + abbreviate(game.asString()) + "'";
    }
    Long points = wholeNumber(score);
    if (points == null) {
      return "score is not a non-negative whole number";
    }
    Long seconds = wholeNumber(duration);
    if (seconds == null) {
      return "duration is not a non-negative whole number";
    }
    scores.add(new Score(gameId, points, seconds));
    return null;
  }

  /** A non-negative whole number given as a JSON number or a string of digits, else null. */
  private static Long wholeNumber(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      long value = node.asLong();
      return value >= 0 ? value : null;
    }
    if (node.isFloatingPointNumber()) {
      double value = node.asDouble();
      return value >= 0 && value == Math.rint(value) && value < 9.0e15 ? (long) value : null;
    }
    if (node.isString() && node.asString().trim().matches("\\d{1,18}")) {
      return Long.parseLong(node.asString().trim());
    }
    return null;
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node != null && node.isString() ? node.asString() : null;
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
