package io.catscores.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.catscores.devstack.PackagedApp;
import io.catscores.devstack.SharedServers;
import io.catscores.devstack.UpstreamReplica;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kibana's saved searches (infra/kibana) run on the packaged apps' real log output, indexed the way
 * fluentd ships it (daily catscores-* indices, infra/elasticsearch's template) into a real
 * OpenSearch node. Each search must find exactly the lines its title promises: the test counts them
 * independently in the raw log files, and the scenario guarantees there are some.
 */
class LogSearchIT {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final String ADMIN_TOKEN = "logsearch-admin-token";
  private static final List<String> MALFORMED =
      List.of(
          "not json at all", "{\"event\":\"high_scores\"}", "{\"mac\":\"zz\",\"game\":\"nope\"}");
  private static final int SLOW_REQUESTS = 2;

  /** What each saved search must find, as a predicate over one raw log line. */
  private static final Map<String, Predicate<JsonNode>> MEANING =
      Map.of(
          "catscores-errors-warnings",
          line -> List.of("ERROR", "WARN").contains(line.path("level").asText()),
          "catscores-failed-sync-runs",
          line -> is(line, "event", "sync_run") && is(line, "outcome", "failed"),
          "catscores-dead-letters",
          line -> is(line, "event", "dead_letter"),
          "catscores-slow-requests",
          line -> is(line, "event", "http_request") && line.path("duration_ms").asDouble() >= 500,
          "catscores-5xx",
          line -> is(line, "event", "http_request") && line.path("status").asInt() >= 500);

  @Test
  void everySavedSearchFindsExactlyTheLinesItPromises(@TempDir Path tmp) throws Exception {
    List<JsonNode> lines = produceRealLogs();
    SavedObjects saved = SavedObjects.read(REPO.resolve("infra/kibana/saved-objects.ndjson"));
    assertThat(saved.searchIds()).containsExactlyInAnyOrderElementsOf(MEANING.keySet());

    // The scenario produced every kind of line at least once, and lines each search must skip.
    assertThat(count(lines, MEANING.get("catscores-failed-sync-runs"))).isEqualTo(1);
    assertThat(lines).anyMatch(l -> is(l, "event", "sync_run") && is(l, "outcome", "succeeded"));
    assertThat(count(lines, MEANING.get("catscores-dead-letters"))).isEqualTo(MALFORMED.size());
    assertThat(count(lines, MEANING.get("catscores-slow-requests"))).isEqualTo(SLOW_REQUESTS);
    assertThat(count(lines, MEANING.get("catscores-5xx"))).isEqualTo(SLOW_REQUESTS);
    assertThat(lines)
        .anyMatch(l -> is(l, "event", "http_request") && l.path("status").asInt() < 300);
    // Every request's line carries the trace and span ids that tie it to the request's other lines.
    assertThat(lines.stream().filter(l -> is(l, "event", "http_request")))
        .allMatch(
            l -> !l.path("traceId").asText("").isBlank() && !l.path("spanId").asText("").isBlank());
    assertThat(lines.stream().filter(l -> is(l, "event", "sync_run")))
        .allMatch(l -> !l.path("traceId").asText("").isBlank(), "job run lines have a trace id");
    assertThat(lines)
        .filteredOn(l -> l.path("message").asText().contains("refused: wrong bearer token"))
        .singleElement()
        .matches(l -> !l.path("traceId").asText("").isBlank(), "has a trace id");
    assertThat(lines).noneMatch(l -> l.toString().contains(ADMIN_TOKEN)); // never logged
    Predicate<JsonNode> problems = MEANING.get("catscores-errors-warnings");
    assertThat(lines).anyMatch(problems.and(l -> is(l, "service", "api")));
    assertThat(lines).anyMatch(problems.and(l -> is(l, "service", "syncronizer")));

    try (LogIndex index = LogIndex.start(tmp)) {
      index.putTemplate(REPO.resolve("infra/elasticsearch/catscores-template.json"));
      index.ship(lines);
      List<String> fields = index.fieldNames(saved.indexPattern());
      for (String id : saved.searchIds()) {
        assertThat(fields).as("columns of %s are mapped fields", id).containsAll(saved.columns(id));
        List<JsonNode> hits = index.search(saved.indexPattern(), saved.luceneQuery(id));
        List<JsonNode> expected = lines.stream().filter(MEANING.get(id)).toList();
        assertThat(hits).as("hits of %s (%s)", id, saved.luceneQuery(id)).hasSize(expected.size());
        assertThat(hits).as("every hit of %s", id).allMatch(MEANING.get(id));
      }
    }
  }

  /** Runs both packaged apps through a scenario with every event the searches look for. */
  private static List<JsonNode> produceRealLogs() throws Exception {
    String database = "logsearch_" + ProcessHandle.current().pid();
    SharedServers.postgres().ensureDatabase(database);
    List<Path> logs = new ArrayList<>();
    try (UpstreamReplica upstream = UpstreamReplica.start(0);
        ServerSocket unansweredDatabase = new ServerSocket(0)) {
      List<Socket> held = new CopyOnWriteArrayList<>();
      Thread holder = new Thread(() -> acceptAndHold(unansweredDatabase, held), "unanswered-db");
      holder.setDaemon(true);
      holder.start();
      try (PackagedApp syncronizer =
              PackagedApp.start(
                  "logsearch-syncronizer",
                  REPO.resolve("syncronizer/target/syncronizer.jar"),
                  Map.of(
                      "PG_DB_PORT",
                      String.valueOf(SharedServers.postgres().port()),
                      "PG_DB_USER",
                      "postgres",
                      "PG_DB_DATABASE",
                      database,
                      "REDIS_PORT",
                      String.valueOf(SharedServers.redis().port()),
                      "SCORES_STREAM",
                      "test:logsearch:" + database,
                      "UPSTREAM_CATAPI_URL",
                      upstream.baseUrl(),
                      "ADMIN_TOKEN",
                      ADMIN_TOKEN),
                  List.of("-Xmx256m"));
          // Its database accepts connections and never answers: every query waits for the pool's
          // 5 s timeout, then 503 — slow requests and 5xx, as in a real database stall.
          PackagedApp api =
              PackagedApp.start(
                  "logsearch-api",
                  REPO.resolve("api/target/api.jar"),
                  Map.of(
                      "PG_DB_PORT",
                      String.valueOf(unansweredDatabase.getLocalPort()),
                      "PG_DB_DATABASE",
                      database),
                  List.of("-Xmx256m"))) {
        logs.add(syncronizer.log());
        logs.add(api.log());
        Http http = new Http();
        String job = syncronizer.url("/api/v1/sync/jobs/catalog-thecatapi");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> http.lastRunOutcome(job), "succeeded"::equals);
        upstream.wireMock().stubFor(get(urlPathEqualTo("/v1/breeds")).willReturn(serverError()));
        assertThat(http.post(job + "/trigger", ADMIN_TOKEN)).isEqualTo(202);
        assertThat(http.post(job + "/pause", "not-the-token-42")).isEqualTo(403);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> http.lastRunOutcome(job), "failed"::equals);

        for (String payload : MALFORMED) {
          assertThat(Redis.publish(SharedServers.redis().port(), "high-score-processor", payload))
              .as("subscribers of the badge channel")
              .isPositive();
        }
        assertThat(http.get(api.url("/healthz"))).isEqualTo(200);
        assertThat(http.get(api.url("/api/v2/breeds?bogus=1"))).isEqualTo(400);
        for (int i = 0; i < SLOW_REQUESTS; i++) {
          assertThat(http.get(api.url("/api/v2/breeds?origin=Egypt&page=" + (i + 1))))
              .isEqualTo(503);
        }
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    count(RawLogs.read(logs), l -> is(l, "event", "dead_letter"))
                        == MALFORMED.size());
      } finally {
        held.forEach(LogSearchIT::closeQuietly);
      }
    }
    return RawLogs.read(logs); // read after both stopped: every async log line is flushed
  }

  private static void acceptAndHold(ServerSocket server, List<Socket> held) {
    while (!server.isClosed()) {
      try {
        held.add(server.accept());
      } catch (java.io.IOException closed) {
        return;
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (java.io.IOException ignored) {
      // the test is over
    }
  }

  static boolean is(JsonNode line, String field, String value) {
    return value.equals(line.path(field).asText(null));
  }

  private static long count(List<JsonNode> lines, Predicate<JsonNode> predicate) {
    return lines.stream().filter(predicate).count();
  }
}
