package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import io.catscores.api.OkBody;
import io.catscores.devstack.Migrations;
import io.catscores.devstack.PostgresServer;
import io.catscores.devstack.SharedServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A cached answer is at most the TTL old: within it a change in the database is not seen yet (with
 * or without the trailing slash: one cache entry), after it the first request reads the change.
 */
@ApiIT
class ResponseCacheFreshnessIT {

  private static final String DATABASE = SharedServers.freshDatabase("cache_freshness");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws SQLException {
    Migrations.apply(DATABASE);
    try (Connection owner = owner()) {
      ScriptUtils.executeSqlScript(owner, new ClassPathResource("seed.sql"));
    }
    registry.add("spring.r2dbc.url", () -> DATABASE.replace("jdbc:", "r2dbc:"));
    registry.add("spring.r2dbc.username", () -> Migrations.API_ROLE);
    registry.add("spring.r2dbc.password", () -> Migrations.API_PASSWORD);
    registry.add("api.cache.catalogue-ttl", () -> "2s");
  }

  private static Connection owner() throws SQLException {
    return DriverManager.getConnection(DATABASE, PostgresServer.SUPERUSER, "");
  }

  @Autowired WebTestClient client;

  private String origins(String uri) {
    return OkBody.of(client, uri);
  }

  @Test
  void aChangeIsSeenOnlyOnceTheTtlHasPassed() throws Exception {
    String before = origins("/api/v2/origins");
    long cachedAt = System.nanoTime();
    assertThat(before).doesNotContain("Atlantis");
    try (Connection owner = owner()) {
      owner
          .createStatement()
          .executeUpdate("UPDATE breed SET origin = 'Atlantis' WHERE id = 'abys'");
    }
    String within = origins("/api/v2/origins");
    String withSlash = origins("/api/v2/origins/");
    if (System.nanoTime() - cachedAt < 1_500_000_000L) { // else the machine was too slow to tell
      assertThat(within).isEqualTo(before);
      assertThat(withSlash).isEqualTo(before);
    }

    Thread.sleep(2_100);
    assertThat(origins("/api/v2/origins")).contains("Atlantis");
    assertThat(origins("/api/v2/origins/")).contains("Atlantis");
  }
}
