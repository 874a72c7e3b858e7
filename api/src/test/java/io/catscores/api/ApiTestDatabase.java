package io.catscores.api;

import io.catscores.devstack.Migrations;
import io.catscores.devstack.PostgresServer;
import io.catscores.devstack.SharedServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL database migrated by the syncronizer's migrations and seeded with {@code
 * seed.sql}; the api connects to it as the SELECT-only role, as in production.
 */
public final class ApiTestDatabase {

  private static String seededUrl;

  private ApiTestDatabase() {}

  /** Points the api at the shared seeded database (created once per test JVM). */
  public static void register(DynamicPropertyRegistry registry) {
    String jdbcUrl = seeded();
    registry.add("spring.r2dbc.url", () -> jdbcUrl.replace("jdbc:", "r2dbc:"));
    registry.add("spring.r2dbc.username", () -> Migrations.API_ROLE);
    registry.add("spring.r2dbc.password", () -> Migrations.API_PASSWORD);
  }

  public static synchronized String seeded() {
    if (seededUrl == null) {
      String url = SharedServers.freshDatabase("api");
      Migrations.apply(url);
      try (Connection owner = DriverManager.getConnection(url, PostgresServer.SUPERUSER, "")) {
        ScriptUtils.executeSqlScript(owner, new ClassPathResource("seed.sql"));
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      seededUrl = url;
    }
    return seededUrl;
  }
}
