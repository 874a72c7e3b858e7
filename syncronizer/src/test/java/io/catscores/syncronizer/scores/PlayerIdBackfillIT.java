package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.syncronizer.SyncronizerIT;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Players migrated without an id get one; a new PLAYER_ID_KEY recomputes every id. */
@SyncronizerIT
class PlayerIdBackfillIT {

  @Autowired PlayerIdBackfill backfill;
  @Autowired PlayerIds ids;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  private int backfill() {
    return transaction.execute(status -> backfill.backfill());
  }

  private String idOf(UUID player) {
    return jdbc.queryForObject(
        "SELECT player_id FROM player WHERE player_uuid = ?", String.class, player);
  }

  @Test
  void missingIdsAreComputedAndAKeyChangeRecomputesAll() {
    UUID migrated = UUID.randomUUID();
    UUID known = UUID.randomUUID();
    jdbc.update("INSERT INTO player (player_uuid) VALUES (?)", migrated);
    jdbc.update("INSERT INTO player (player_uuid, player_id) VALUES (?, ?)", known, ids.of(known));

    assertThat(backfill()).isEqualTo(1);
    assertThat(idOf(migrated)).isEqualTo(ids.of(migrated));
    assertThat(backfill()).isZero(); // nothing left to do on the next start

    // As if the ids had been computed with another key: the stored fingerprint differs.
    jdbc.update("UPDATE player_id_key SET fingerprint = 'an-older-key'");
    jdbc.update("UPDATE player SET player_id = 'stalestalest'");
    assertThat(backfill()).isGreaterThanOrEqualTo(2);
    assertThat(idOf(migrated)).isEqualTo(ids.of(migrated));
    assertThat(idOf(known)).isEqualTo(ids.of(known));
    assertThat(jdbc.queryForObject("SELECT fingerprint FROM player_id_key", String.class))
        .isEqualTo(ids.fingerprint());
  }
}
