package io.catscores.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A real PostgreSQL server (zonky's packaged binaries) for the local run and the integration tests.
 * Runs as the {@code postgres} superuser with trust authentication on loopback only.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server.
   *
   * @param dataDirectory where the cluster lives between runs, or {@code null} for a throw-away one
   * @param port a fixed port, or 0 for any free port
   */
  public static PostgresServer start(Path dataDirectory, int port) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "300")
            .setServerConfig("listen_addresses", "127.0.0.1");
    if (port > 0) {
      builder.setPort(port);
    }
    if (dataDirectory != null) {
      // Data kept between runs must survive a crash: undo zonky's test-speed defaults.
      builder
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on");
    }
    return new PostgresServer(builder.start());
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** Creates {@code database} unless it exists already. */
  public void ensureDatabase(String database) {
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Unsafe database name: " + database);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      if (!exists.executeQuery().next()) {
        try (var create = connection.createStatement()) {
          create.execute("CREATE DATABASE " + database);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
