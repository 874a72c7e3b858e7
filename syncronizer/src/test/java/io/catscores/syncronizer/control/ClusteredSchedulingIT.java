package io.catscores.syncronizer.control;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.devstack.SharedServers;
import io.catscores.devstack.UpstreamReplica;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two syncronizer processes (the packaged jar, as deployed) on one database never run the same job
 * at once: every recorded run of the catalogue job starts after the previous one finished.
 */
class ClusteredSchedulingIT {

  private static final Path JAR = Path.of("target/syncronizer.jar");

  @Test
  void twoInstancesNeverRunTheSameJobAtOnce() throws Exception {
    assertThat(JAR).as("packaged by the package phase before failsafe runs").exists();
    String database = "cluster_" + ProcessHandle.current().pid();
    SharedServers.postgres().ensureDatabase(database);
    String url = SharedServers.postgres().jdbcUrl(database);
    List<Process> instances = new ArrayList<>();
    try (UpstreamReplica upstream = UpstreamReplica.start(0)) {
      // Each run takes at least 400 ms; the job is due every 300 ms.
      upstream
          .wireMock()
          .stubFor(
              get(urlPathEqualTo("/v1/breeds"))
                  .willReturn(
                      okJson(UpstreamReplica.recording("breeds.json")).withFixedDelay(400)));
      for (String node : List.of("node-a", "node-b")) {
        instances.add(start(node, database, upstream.baseUrl()));
      }
      Thread.sleep(10_000);
      JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
      assertThat(jdbc.queryForList("SELECT instance_name FROM qrtz_scheduler_state", String.class))
          .containsExactlyInAnyOrder("node-a", "node-b");
      List<Timestamp[]> runs =
          jdbc.query(
              "SELECT started_at, finished_at FROM sync_run WHERE job = 'catalog-thecatapi'"
                  + " AND finished_at IS NOT NULL ORDER BY started_at",
              (row, n) -> new Timestamp[] {row.getTimestamp(1), row.getTimestamp(2)});
      assertThat(runs).hasSizeGreaterThanOrEqualTo(4);
      for (int i = 1; i < runs.size(); i++) {
        assertThat(runs.get(i)[0])
            .as("run %d starts after run %d finished", i, i - 1)
            .isAfterOrEqualTo(runs.get(i - 1)[1]);
      }
    } finally {
      for (Process instance : instances) {
        instance.destroy();
        if (!instance.waitFor(30, TimeUnit.SECONDS)) {
          instance.destroyForcibly();
        }
      }
    }
  }

  private static Process start(String node, String database, String upstream) throws Exception {
    int port = freePort();
    Path log = Files.createTempFile(node, ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                "SERVER_PORT",
                String.valueOf(port),
                "PG_DB_PORT",
                String.valueOf(SharedServers.postgres().port()),
                "PG_DB_USER",
                "postgres",
                "PG_DB_DATABASE",
                database,
                "REDIS_PORT",
                String.valueOf(SharedServers.redis().port()),
                "UPSTREAM_CATAPI_URL",
                upstream,
                "SYNC_INTERVAL",
                "300ms",
                "SCORES_STREAM",
                "test:cluster:" + node,
                "HOSTNAME",
                node));
    builder
        .environment()
        .put(
            "SPRING_APPLICATION_JSON",
            "{\"spring.quartz.properties.org.quartz.scheduler.instanceId\":\""
                + node
                + "\","
                + "\"spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval\":1000}");
    Process process = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              assertThat(process.isAlive()).as("%s is running; log in %s", node, log).isTrue();
              return http.send(
                          HttpRequest.newBuilder(
                                  URI.create("http://localhost:" + port + "/healthz"))
                              .build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode()
                  == 200;
            });
    return process;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
