package io.catscores.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL and one Redis per test JVM, started on first use and stopped at exit; each test
 * class takes its own database so classes cannot see each other's rows.
 */
public final class SharedServers {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer postgres;
  private static RedisServer redis;

  private SharedServers() {}

  public static synchronized PostgresServer postgres() {
    if (postgres == null) {
      try {
        postgres = PostgresServer.start(null, 0);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
      closeAtExit(postgres);
    }
    return postgres;
  }

  public static synchronized RedisServer redis() {
    if (redis == null) {
      try {
        redis = RedisServer.start(null, 0);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded Redis", e);
      }
      closeAtExit(redis);
    }
    return redis;
  }

  /** Creates an empty database with a unique name and returns its JDBC URL. */
  public static String freshDatabase(String prefix) {
    String name =
        prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
    postgres().ensureDatabase(name);
    return postgres().jdbcUrl(name);
  }

  private static void closeAtExit(AutoCloseable server) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception ignored) {
                    // the JVM is exiting; the server process dies with it
                  }
                }));
  }
}
