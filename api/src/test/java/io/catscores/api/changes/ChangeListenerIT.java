package io.catscores.api.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import io.catscores.api.ApiTestDatabase;
import io.catscores.devstack.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api hears what the V8 triggers notify, and after losing its listening connection it comes
 * back by itself and first publishes "everything changed" (what happened in the gap was not heard).
 */
@ApiIT
class ChangeListenerIT {

  private static final String DATABASE = ApiTestDatabase.fresh("change_listener");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ApiTestDatabase.register(registry, DATABASE);
  }

  @Autowired Changes changes;

  private final List<Change> heard = new CopyOnWriteArrayList<>();

  private static Connection owner() throws SQLException {
    return DriverManager.getConnection(DATABASE, PostgresServer.SUPERUSER, "");
  }

  private void awaitHeard(Predicate<Change> what) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (heard.stream().noneMatch(what)) {
      assertThat(System.nanoTime()).as("heard in time; heard %s", heard).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void hearsCommittedChangesOnlyAndComesBackAfterALostConnection() throws Exception {
    while (!changes.heard()) {
      Thread.sleep(20);
    }
    changes.subscribe(heard::add);
    try (Connection owner = owner()) {
      owner.setAutoCommit(false);
      owner
          .createStatement()
          .executeUpdate("UPDATE breed SET name = name || '!' WHERE id = 'abys'");
      owner.rollback();
      owner.createStatement().executeUpdate("UPDATE score SET score = score WHERE game_id = 2");
      owner.commit();
    }
    awaitHeard(change -> "score".equals(change.table()));
    assertThat(heard).containsExactly(new Change("score", Set.of(2)));

    int killed;
    try (Connection owner = owner();
        ResultSet rows =
            owner
                .createStatement()
                .executeQuery(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE query = 'LISTEN catscores_changes'")) {
      rows.next();
      killed = rows.getInt(1);
    }
    assertThat(killed).isEqualTo(1);
    awaitHeard(Change::everything);

    heard.clear();
    try (Connection owner = owner()) {
      owner.createStatement().executeUpdate("UPDATE breed SET name = name WHERE id = 'abys'");
    }
    awaitHeard(change -> "breed".equals(change.table()));
    assertThat(changes.heard()).isTrue();
  }
}
