package io.catscores.syncronizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.devstack.SharedServers;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged syncronizer jar (built by the package phase, before failsafe) run as a real process
 * against the shared test servers, for tests of what only separate processes show: clustering, kill
 * -9.
 */
public final class PackagedSyncronizer {

  private PackagedSyncronizer() {}

  /**
   * Starts the jar with the shared PostgreSQL (database {@code database}) and Redis plus {@code
   * env}, and waits until /healthz answers 200.
   */
  public static Process start(
      String name, String database, Map<String, String> env, String... jvmOptions)
      throws Exception {
    Path jar = Path.of("target/syncronizer.jar");
    assertThat(jar).as("packaged before the integration tests run").exists();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile(name, ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SERVER_PORT", String.valueOf(port));
    builder.environment().put("PG_DB_PORT", String.valueOf(SharedServers.postgres().port()));
    builder.environment().put("PG_DB_USER", "postgres");
    builder.environment().put("PG_DB_DATABASE", database);
    builder.environment().put("REDIS_PORT", String.valueOf(SharedServers.redis().port()));
    builder.environment().putAll(env);
    Process process = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/healthz")).build();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              assertThat(process.isAlive()).as("%s runs; its log is %s", name, log).isTrue();
              return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
    return process;
  }
}
