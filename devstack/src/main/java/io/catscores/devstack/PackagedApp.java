package io.catscores.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged app jar run as a real process on a free port, its output (the JSON log lines) in a
 * file, for tests of what only separate processes show: clustering, kill -9, real log output.
 */
public final class PackagedApp implements AutoCloseable {

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private PackagedApp(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code java [jvmOptions] -jar jar} with {@code env} plus SERVER_PORT and waits until
   * /healthz answers 200 (at most 90 s).
   */
  public static PackagedApp start(
      String name, Path jar, Map<String, String> env, List<String> jvmOptions)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the package phase builds it");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile(name, ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("SERVER_PORT", String.valueOf(port));
    PackagedApp app = new PackagedApp(name, builder.start(), port, log);
    app.awaitHealthy(Duration.ofSeconds(90));
    return app;
  }

  private void awaitHealthy(Duration limit) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create(url("/healthz"))).build();
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited at start-up; its log is " + log);
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException(name + " not healthy within " + limit + "; its log is " + log);
  }

  public String url(String path) {
    return "http://localhost:" + port + path;
  }

  public Process process() {
    return process;
  }

  /** The app's combined stdout and stderr. */
  public Path log() {
    return log;
  }

  /** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
