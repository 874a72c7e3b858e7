package io.catscores.syncronizer.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.catscores.devstack.UpstreamReplica;
import io.catscores.syncronizer.SyncronizerIT;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The catalogue sync against the WireMock upstream replica, with its faults, on real PostgreSQL.
 */
@SyncronizerIT
@TestPropertySource(
    properties = {
      "sync.http.response-timeout=700ms",
      "sync.http.retry-attempts=3",
      "sync.http.retry-initial-backoff=50ms",
      "sync.http.breaker-window=6",
      "sync.http.breaker-open-for=60s",
      "sync.http.rate-limit-per-second=1000"
    })
class CatalogSyncIT {

  private static final UpstreamReplica UPSTREAM = UpstreamReplica.start(0);
  private static final String BREEDS = "/v1/breeds";

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("UPSTREAM_CATAPI_URL", UPSTREAM::baseUrl);
  }

  @Autowired CatalogSync sync;
  @Autowired SyncProperties properties;
  @Autowired JdbcTemplate jdbc;
  @Autowired CircuitBreakerRegistry breakers;
  @Autowired MeterRegistry meters;

  @BeforeEach
  void reset() {
    UPSTREAM.resetToRecording();
    breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
  }

  @AfterAll
  static void stop() {
    UPSTREAM.close();
  }

  private CatalogSync.Outcome run() {
    return sync.run(properties.sources().get(0), "catalog-sync-it");
  }

  @Test
  void storesWhatIsValidAndRecordsTheRun() {
    CatalogSync.Outcome outcome = run();

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.rejected()).isEqualTo(1); // the object without an id
    assertThat(count("SELECT count(*) FROM breed WHERE source = 'thecatapi'")).isEqualTo(15);
    assertThat(count("SELECT count(*) FROM category")).isEqualTo(7);
    assertThat(
            jdbc.queryForObject(
                "SELECT array_to_string(temperaments, ',') FROM breed WHERE id = 'acur'",
                String.class))
        .isEqualTo("Affectionate,Curious,Intelligent,Interactive,Lively,Playful,Social");
    assertThat(
            jdbc.queryForObject(
                "SELECT array_to_string(temperaments, ',') FROM breed WHERE id = 'sphy'",
                String.class))
        .isEqualTo("Loyal,Inquisitive,Friendly,Quiet,Gentle");
    assertThat(jdbc.queryForObject("SELECT origin FROM breed WHERE id = 'beng'", String.class))
        .isNull();
    assertThat(
            jdbc.queryForList(
                "SELECT breed_id || ':' || count(*) FROM breed_image GROUP BY breed_id"
                    + " HAVING count(*) <> 3",
                String.class))
        .containsExactly("chau:1");
    assertThat(
            jdbc.queryForList(
                "SELECT c.name || ':' || count(*) FROM category_image ci JOIN category c"
                    + " ON c.source = ci.source AND c.id = ci.category_id GROUP BY c.name ORDER BY 1",
                String.class))
        .containsExactly("hats:3", "sunglasses:3");
    assertThat(
            jdbc.queryForMap(
                "SELECT outcome, inserted, rejected, instance, finished_at IS NOT NULL AS finished"
                    + " FROM sync_run WHERE id = ?",
                outcome.runId()))
        .containsEntry("outcome", "succeeded")
        .containsEntry("inserted", outcome.changes().inserted())
        .containsEntry("rejected", 1)
        .containsEntry("instance", "catalog-sync-it")
        .containsEntry("finished", true);
  }

  @Test
  void aResyncOfAnUnchangedUpstreamWritesNoRow() {
    run();
    String before = rowVersions();

    CatalogSync.Outcome again = run();

    assertThat(again.changes()).isEqualTo(CatalogWriter.Changes.NONE);
    assertThat(rowVersions()).isEqualTo(before);
  }

  @Test
  void aBreedGoneUpstreamIsMarkedRemovedAndComesBack() {
    run();
    UPSTREAM
        .wireMock()
        .stubFor(get(urlPathEqualTo(BREEDS)).willReturn(okJson(breedsWithout("beng"))));

    CatalogSync.Outcome outcome = run();

    assertThat(outcome.changes().removed()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM breed WHERE removed_at IS NOT NULL")).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT name FROM breed WHERE id = 'beng'", String.class))
        .isEqualTo("Bengal");

    UPSTREAM.resetToRecording();
    assertThat(run().changes().updated()).isGreaterThanOrEqualTo(1);
    assertThat(count("SELECT count(*) FROM breed WHERE removed_at IS NOT NULL")).isZero();
  }

  @Test
  void a500IsRetriedAndTheRunSucceeds() {
    failFirst(serverError());
    assertThat(run().succeeded()).isTrue();
    assertThat(UPSTREAM.wireMock().findAll(getRequestedFor(urlPathEqualTo(BREEDS)))).hasSize(2);
  }

  @Test
  void aTimeoutIsRetried() {
    failFirst(okJson("[]").withFixedDelay(2_000));
    assertThat(run().succeeded()).isTrue();
    assertThat(count("SELECT count(*) FROM breed")).isEqualTo(15);
  }

  @Test
  void aConnectionResetIsRetried() {
    failFirst(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    assertThat(run().succeeded()).isTrue();
  }

  @Test
  void a429IsRetriedAfterTheDelayItAsksFor() {
    failFirst(aResponse().withStatus(429).withHeader("Retry-After", "1"));
    assertThat(run().succeeded()).isTrue();
    List<LoggedRequest> requests =
        UPSTREAM.wireMock().findAll(getRequestedFor(urlPathEqualTo(BREEDS)));
    assertThat(requests).hasSize(2);
    assertThat(
            Duration.between(
                requests.get(0).getLoggedDate().toInstant(),
                requests.get(1).getLoggedDate().toInstant()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void persistentlyMalformedJsonFailsTheRunAndKeepsThePreviousData() {
    run();
    String before = rowVersions();
    UPSTREAM
        .wireMock()
        .stubFor(get(urlPathEqualTo(BREEDS)).willReturn(okJson("[{\"id\": \"abys\", \"name\":")));

    CatalogSync.Outcome outcome = run();

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.error()).contains("Malformed JSON");
    assertThat(rowVersions()).isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "SELECT outcome FROM sync_run WHERE id = ?", String.class, outcome.runId()))
        .isEqualTo("failed");
  }

  @Test
  void anEmptyBreedListIsRefusedRatherThanRemovingEverything() {
    run();
    UPSTREAM.wireMock().stubFor(get(urlPathEqualTo(BREEDS)).willReturn(okJson("[]")));

    CatalogSync.Outcome outcome = run();

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.error()).contains("no usable breeds");
    assertThat(count("SELECT count(*) FROM breed WHERE removed_at IS NULL")).isEqualTo(15);
  }

  @Test
  void theBreakerOpensAfterRepeatedFailuresAndThenSpareTheUpstream() {
    assertThat(run().succeeded()).isTrue(); // the last good data
    UPSTREAM.wireMock().stubFor(get(urlPathEqualTo(BREEDS)).willReturn(serverError()));

    assertThat(run().succeeded()).isFalse(); // 3 attempts
    assertThat(run().succeeded()).isFalse(); // 6 failed calls fill the window: open
    CircuitBreaker breaker = breakers.circuitBreaker("thecatapi");
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    int calls = UPSTREAM.wireMock().findAll(getRequestedFor(urlPathEqualTo(BREEDS))).size();

    CatalogSync.Outcome shortCircuited = run();

    assertThat(shortCircuited.error()).contains("CallNotPermittedException");
    assertThat(UPSTREAM.wireMock().findAll(getRequestedFor(urlPathEqualTo(BREEDS)))).hasSize(calls);
    // Visible to operators (Grafana's "Upstream breaker open" panel), and nothing was lost.
    assertThat(
            meters
                .get("resilience4j.circuitbreaker.state")
                .tag("name", "thecatapi")
                .tag("state", "open")
                .gauge()
                .value())
        .isEqualTo(1.0);
    assertThat(count("SELECT count(*) FROM breed WHERE removed_at IS NULL")).isEqualTo(15);
  }

  /** The first GET of the breeds answers {@code fault}; later ones the recording. */
  private void failFirst(ResponseDefinitionBuilder fault) {
    UPSTREAM
        .wireMock()
        .stubFor(
            get(urlPathEqualTo(BREEDS))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(fault)
                .willSetStateTo("recovered"));
    UPSTREAM
        .wireMock()
        .stubFor(
            get(urlPathEqualTo(BREEDS))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(UpstreamReplica.recording("breeds.json"))));
    UPSTREAM.wireMock().resetRequests();
  }

  private static String breedsWithout(String id) {
    var json = tools.jackson.databind.json.JsonMapper.builder().build();
    var breeds =
        (tools.jackson.databind.node.ArrayNode)
            json.readTree(UpstreamReplica.recording("breeds.json"));
    var kept = json.createArrayNode();
    breeds.forEach(
        b -> {
          if (!id.equals(b.path("id").asString(""))) {
            kept.add(b);
          }
        });
    return kept.toString();
  }

  /** Every catalogue row's physical version: unchanged when no row was rewritten. */
  private String rowVersions() {
    return jdbc.queryForObject(
        "SELECT string_agg(v, ',' ORDER BY v) FROM ("
            + " SELECT 'b' || id || xmin::text AS v FROM breed UNION ALL"
            + " SELECT 'c' || id || xmin::text FROM category UNION ALL"
            + " SELECT 'i' || id || xmin::text FROM image UNION ALL"
            + " SELECT 'bi' || breed_id || image_id || xmin::text FROM breed_image UNION ALL"
            + " SELECT 'ci' || category_id || image_id || xmin::text FROM category_image) v",
        String.class);
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }
}
