package io.catscores.api.changes;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one committed statement changed, as the V8 migration's triggers NOTIFY it: a table, and for
 * scores the games. {@link #EVERYTHING} stands for a gap in the notifications (start-up, a lost
 * listening connection) or a payload this api does not understand: then anything may have changed.
 *
 * @param table the table written, or null for everything
 * @param games for {@code score}, the games whose scores changed; empty otherwise
 */
public record Change(String table, Set<Integer> games) {

  public static final Change EVERYTHING = new Change(null, Set.of());

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public boolean everything() {
    return table == null;
  }

  /** Whether this change may alter data read from {@code table} (for scores: of {@code game}). */
  public boolean touches(String table, Integer game) {
    if (everything()) {
      return true;
    }
    if (!this.table.equals(table)) {
      return false;
    }
    return game == null || games.isEmpty() || games.contains(game);
  }

  /** The trigger's JSON payload; anything unreadable counts as everything. */
  static Change parse(String payload) {
    try {
      JsonNode node = JSON.readTree(payload);
      String table = node.path("table").asString(null);
      if (table == null || table.isEmpty()) {
        return EVERYTHING;
      }
      List<Integer> games = node.path("games").valueStream().map(JsonNode::asInt).toList();
      return new Change(table, Set.copyOf(games));
    } catch (RuntimeException e) {
      return EVERYTHING;
    }
  }
}
