package io.catscores.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A PostgreSQL server for outage tests: stopped and started again on the same port and data. */
public final class RestartablePostgres implements AutoCloseable {

  private final Path data;
  private final int port;
  private PostgresServer server;

  private RestartablePostgres(Path data, PostgresServer server) {
    this.data = data;
    this.server = server;
    this.port = server.port();
  }

  public static RestartablePostgres start() {
    try {
      Path data = Files.createTempDirectory("restartable-pg");
      return new RestartablePostgres(data, PostgresServer.start(data, 0));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start PostgreSQL", e);
    }
  }

  public PostgresServer server() {
    return server;
  }

  public int port() {
    return port;
  }

  /** Stops the server: clients see connection refused until {@link #restart()}. */
  public void stop() throws IOException {
    server.close();
  }

  public void restart() throws IOException {
    server = PostgresServer.start(data, port);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
