package io.catscores.devstack;

import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Applies the syncronizer's migrations (from common's {@code db/migration}, which must be on the
 * classpath) the way the syncronizer does at start-up, for tests of the api that run without it.
 */
public final class Migrations {

  public static final String API_ROLE = "catscores_api";
  public static final String API_PASSWORD = "catscores-api-local";

  private Migrations() {}

  public static void apply(String jdbcUrl) {
    Flyway.configure()
        .dataSource(jdbcUrl, PostgresServer.SUPERUSER, "")
        .locations("classpath:db/migration")
        .placeholders(Map.of("api_role", API_ROLE, "api_password", API_PASSWORD))
        .load()
        .migrate();
  }
}
