package io.catscores.syncronizer.scores;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The games the badges know, by name or abbreviation, case-insensitively (seeded by V2). */
@Component
class Games {

  private final JdbcTemplate jdbc;
  private volatile Map<String, Short> byKey = Map.of();

  Games(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The game id for a name such as {@code Breakout} or an abbreviation such as {@code BO}. */
  Short idOf(String nameOrAbbreviation) {
    if (byKey.isEmpty()) {
      load();
    }
    return byKey.get(nameOrAbbreviation.trim().toLowerCase(Locale.ROOT));
  }

  private synchronized void load() {
    Map<String, Short> keys = new ConcurrentHashMap<>();
    jdbc.query(
        "SELECT id, name, abbreviation FROM game",
        row -> {
          keys.put(row.getString("name").toLowerCase(Locale.ROOT), row.getShort("id"));
          keys.put(row.getString("abbreviation").toLowerCase(Locale.ROOT), row.getShort("id"));
        });
    byKey = Map.copyOf(keys);
  }
}
