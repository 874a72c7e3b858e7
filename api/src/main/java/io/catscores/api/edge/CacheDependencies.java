package io.catscores.api.edge;

import io.catscores.api.changes.Change;
import java.util.Set;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a cached answer was read from: the tables, and for scores the game (null: every game). A
 * handler declares it first thing; the {@link ResponseCache} evicts the answer when a {@link
 * Change} touches it. An answer whose handler declared nothing is evicted by every change.
 *
 * @param volatileAnswer the answer also shows data no notification covers (the job schedule): it
 *     keeps the short scores TTL
 */
public record CacheDependencies(Set<String> tables, Integer game, boolean volatileAnswer) {

  static final String ATTRIBUTE = CacheDependencies.class.getName();
  static final CacheDependencies ANYTHING = new CacheDependencies(null, null, false);

  /** The answer to this exchange reads these tables (of every game, for {@code score}). */
  public static void declare(ServerWebExchange exchange, String... tables) {
    exchange.getAttributes().put(ATTRIBUTE, new CacheDependencies(Set.of(tables), null, false));
  }

  /** The answer reads these tables, and of {@code score} only this game's rows. */
  public static void declareGame(ServerWebExchange exchange, int game, String... tables) {
    exchange.getAttributes().put(ATTRIBUTE, new CacheDependencies(Set.of(tables), game, false));
  }

  /** The answer reads these tables and data no notification covers. */
  public static void declareVolatile(ServerWebExchange exchange, String... tables) {
    exchange.getAttributes().put(ATTRIBUTE, new CacheDependencies(Set.of(tables), null, true));
  }

  static CacheDependencies of(ServerWebExchange exchange) {
    CacheDependencies declared = exchange.getAttribute(ATTRIBUTE);
    return declared == null ? ANYTHING : declared;
  }

  boolean touchedBy(Change change) {
    if (tables == null || change.everything()) {
      return true;
    }
    for (String table : tables) {
      if (change.touches(table, table.equals("score") ? game : null)) {
        return true;
      }
    }
    return false;
  }
}
