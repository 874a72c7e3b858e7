package io.catscores.syncronizer.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.devstack.SharedServers;
import io.catscores.devstack.UpstreamReplica;
import io.catscores.syncronizer.PackagedSyncronizer;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two syncronizer processes (the packaged jar, as deployed) on one database never run the same job
 * at once: every recorded run of the catalogue job starts after the previous one finished. Before
 * {@link ExclusiveRuns}, Quartz alone let runs overlap in about 1 test run in 4.
 */
class ClusteredSchedulingIT {

  private record Run(String instance, Timestamp started, Timestamp finished) {}

  @Test
  void twoInstancesNeverRunTheSameJobAtOnce() throws Exception {
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
        instances.add(
            PackagedSyncronizer.start(
                node,
                database,
                Map.of(
                    "UPSTREAM_CATAPI_URL",
                    upstream.baseUrl(),
                    "SYNC_INTERVAL",
                    "300ms",
                    "SCORES_STREAM",
                    "test:cluster:" + node,
                    "HOSTNAME",
                    node,
                    "SPRING_APPLICATION_JSON",
                    "{\"spring.quartz.properties.org.quartz.scheduler.instanceId\":\""
                        + node
                        + "\","
                        + "\"spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval\":1000}")));
      }
      Thread.sleep(12_000);
      JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
      assertThat(jdbc.queryForList("SELECT instance_name FROM qrtz_scheduler_state", String.class))
          .containsExactlyInAnyOrder("node-a", "node-b");
      List<Run> runs =
          jdbc.query(
              "SELECT instance, started_at, finished_at FROM sync_run"
                  + " WHERE job = 'catalog-thecatapi' AND finished_at IS NOT NULL"
                  + " ORDER BY started_at",
              (row, n) -> new Run(row.getString(1), row.getTimestamp(2), row.getTimestamp(3)));
      assertThat(runs).hasSizeGreaterThanOrEqualTo(4);
      assertThat(runs).extracting(Run::instance).containsAnyOf("node-a", "node-b");
      for (int i = 1; i < runs.size(); i++) {
        assertThat(runs.get(i).started())
            .as("run %d starts after run %d finished; all runs: %s", i, i - 1, runs)
            .isAfterOrEqualTo(runs.get(i - 1).finished());
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
}
