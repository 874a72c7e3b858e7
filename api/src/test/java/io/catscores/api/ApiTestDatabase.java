package io.catscores.api;

import io.catscores.devstack.Migrations;
import io.catscores.devstack.PostgresServer;
import io.catscores.devstack.SharedServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
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

  /**
   * Points every {@link ApiIT} at the shared seeded database (created once per test JVM); a class
   * with a database of its own registers it with {@link #register}, which wins.
   */
  public static final class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String DYNAMIC = "Dynamic Test Properties";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      String jdbcUrl = seeded();
      var source =
          new MapPropertySource(
              "apiTestDatabase",
              Map.of(
                  "spring.r2dbc.url", jdbcUrl.replace("jdbc:", "r2dbc:"),
                  "spring.r2dbc.username", Migrations.API_ROLE,
                  "spring.r2dbc.password", Migrations.API_PASSWORD));
      MutablePropertySources sources = context.getEnvironment().getPropertySources();
      if (sources.contains(DYNAMIC)) {
        sources.addAfter(DYNAMIC, source);
      } else {
        sources.addFirst(source);
      }
    }
  }

  /** Points the api at the database at {@code jdbcUrl}. */
  public static void register(DynamicPropertyRegistry registry, String jdbcUrl) {
    registry.add("spring.r2dbc.url", () -> jdbcUrl.replace("jdbc:", "r2dbc:"));
    registry.add("spring.r2dbc.username", () -> Migrations.API_ROLE);
    registry.add("spring.r2dbc.password", () -> Migrations.API_PASSWORD);
  }

  public static synchronized String seeded() {
    if (seededUrl == null) {
      seededUrl = fresh("api");
    }
    return seededUrl;
  }

  /** A new database of its own: migrated, seeded, then the given classpath scripts run. */
  public static String fresh(String prefix, String... scripts) {
    String url = SharedServers.freshDatabase(prefix);
    Migrations.apply(url);
    try (Connection owner = DriverManager.getConnection(url, PostgresServer.SUPERUSER, "")) {
      ScriptUtils.executeSqlScript(owner, new ClassPathResource("seed.sql"));
      for (String script : scripts) {
        ScriptUtils.executeSqlScript(owner, new ClassPathResource(script));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return url;
  }
}
