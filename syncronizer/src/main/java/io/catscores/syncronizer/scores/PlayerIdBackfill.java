package io.catscores.syncronizer.scores;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up: gives every player without a public id one (players migrated by V5), and, when
 * PLAYER_ID_KEY changed since the ids were computed (its fingerprint differs), recomputes all of
 * them in one transaction: rotating the key is setting the new one and restarting (doc/runbook.md).
 * Under an advisory lock, so several instances starting together do it once.
 */
@Component
class PlayerIdBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PlayerIdBackfill.class);
  private static final int BATCH = 5_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final PlayerIds ids;

  PlayerIdBackfill(JdbcTemplate jdbc, TransactionTemplate transaction, PlayerIds ids) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.ids = ids;
  }

  @Override
  public void run(ApplicationArguments args) {
    Integer updated = transaction.execute(status -> backfill());
    if (updated != null && updated > 0) {
      log.info("Computed the public ids of {} players", updated);
    }
  }

  /** Returns how many players got a new id. */
  int backfill() {
    jdbc.queryForObject(
        "SELECT pg_advisory_xact_lock(hashtext('player-id-backfill'))", Object.class);
    String fingerprint = ids.fingerprint();
    List<String> stored = jdbc.queryForList("SELECT fingerprint FROM player_id_key", String.class);
    boolean rotated = !stored.isEmpty() && !stored.get(0).equals(fingerprint);
    String which = rotated ? "true" : "player_id IS NULL";
    int updated = 0;
    UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes
    while (true) {
      List<UUID> players =
          jdbc.queryForList(
              "SELECT player_uuid FROM player WHERE "
                  + which
                  + " AND player_uuid > ? ORDER BY player_uuid LIMIT "
                  + BATCH,
              UUID.class,
              after);
      if (players.isEmpty()) {
        break;
      }
      updated += update(players);
      after = players.get(players.size() - 1);
    }
    jdbc.update(
        "INSERT INTO player_id_key (fingerprint) VALUES (?) ON CONFLICT (singleton)"
            + " DO UPDATE SET fingerprint = EXCLUDED.fingerprint, computed_at = now()",
        fingerprint);
    return updated;
  }

  private int update(List<UUID> players) {
    List<Object[]> rows = new ArrayList<>(players.size());
    for (UUID player : players) {
      rows.add(new Object[] {ids.of(player), player});
    }
    return jdbc.batchUpdate("UPDATE player SET player_id = ? WHERE player_uuid = ?", rows).length;
  }
}
