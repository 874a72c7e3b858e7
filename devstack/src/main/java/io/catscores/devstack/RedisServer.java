package io.catscores.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.core.RedisServerBuilder;

/** A real Redis server (codemonstur's packaged 6.2 binary) for the local run and the tests. */
public final class RedisServer implements AutoCloseable {

  private final redis.embedded.RedisServer server;
  private final int port;

  private RedisServer(redis.embedded.RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a server.
   *
   * @param dataDirectory where the append-only file is kept between runs, or {@code null} for a
   *     server that keeps nothing
   * @param port a fixed port, or 0 for any free port
   */
  public static RedisServer start(Path dataDirectory, int port) throws IOException {
    int chosen = port > 0 ? port : freePort();
    RedisServerBuilder builder =
        redis.embedded.RedisServer.newRedisServer()
            .port(chosen)
            .bind("127.0.0.1")
            .setting("daemonize no")
            .setting("save \"\"");
    if (dataDirectory != null) {
      Files.createDirectories(dataDirectory);
      builder
          .setting("dir " + dataDirectory.toAbsolutePath())
          .setting("appendonly yes")
          .setting("appendfsync everysec");
    } else {
      builder.setting("appendonly no");
    }
    redis.embedded.RedisServer server = builder.build();
    server.start();
    return new RedisServer(server, chosen);
  }

  public int port() {
    return port;
  }

  /** Stops the server; tests use this to simulate a Redis outage. */
  public void stop() throws IOException {
    server.stop();
  }

  /** Starts the stopped server again on the same port. */
  public void restart() throws IOException {
    server.start();
  }

  @Override
  public void close() throws IOException {
    if (server.isActive()) {
      server.stop();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
