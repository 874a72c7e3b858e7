package io.catscores.syncronizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catscores.devstack.SharedServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The syncronizer migrates an empty database at start-up and leaves the api a read-only role. */
@SyncronizerIT
class SchemaIT {

  private static final String DB_URL = SharedServers.freshDatabase("schema");
  private static final String API_ROLE = "catscores_api";
  private static final String API_PASSWORD = "schema-it-password";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DB_URL);
    registry.add("spring.flyway.placeholders.api_password", () -> API_PASSWORD);
  }

  @Autowired JdbcTemplate jdbc;

  @Test
  void everyMigrationAppliedOnTheEmptyDatabase() throws Exception {
    int migrations =
        new PathMatchingResourcePatternResolver()
            .getResources("classpath:db/migration/*.sql")
            .length;
    List<Boolean> outcomes =
        jdbc.queryForList("SELECT success FROM flyway_schema_history", Boolean.class);
    assertThat(outcomes).hasSize(migrations).containsOnly(true);
    assertThat(jdbc.queryForList("SELECT name FROM game ORDER BY id", String.class))
        .containsExactly("Breakout", "Labyrinth", "Asteroids", "Tappytime");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM qrtz_locks", Integer.class)).isNotNull();
  }

  @Test
  void apiRoleCanRead() throws SQLException {
    try (Connection api = DriverManager.getConnection(DB_URL, API_ROLE, API_PASSWORD);
        var rows = api.createStatement().executeQuery("SELECT count(*) FROM game")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO game (id, name, abbreviation) VALUES (9, 'Pong', 'PO')",
        "UPDATE game SET name = 'Hacked' WHERE id = 1",
        "DELETE FROM score",
        "TRUNCATE breed CASCADE",
        "CREATE TABLE intruder (id int)",
        "SELECT * FROM qrtz_triggers",
        "SELECT * FROM flyway_schema_history"
      })
  void apiRoleCannotWriteNorReadWhatIsNotItsOwn(String sql) throws SQLException {
    try (Connection api = DriverManager.getConnection(DB_URL, API_ROLE, API_PASSWORD)) {
      assertThatThrownBy(() -> api.createStatement().execute(sql))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
    assertThat(jdbc.queryForObject("SELECT name FROM game WHERE id = 1", String.class))
        .isEqualTo("Breakout");
  }
}
