package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.api.ApiIT;
import io.catscores.api.ApiTestDatabase;
import io.catscores.api.OkBody;
import io.catscores.api.changes.Changes;
import io.catscores.devstack.PostgresServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Cached answers live ten minutes here, yet a committed change is in the next answers: PostgreSQL
 * notifies it (V8's triggers), the api evicts exactly the answers that read it (issue #17). With no
 * refresh wait, every read after a change runs in the background (the request that starts it gets
 * the previous answer), so these tests also prove that such a read stores its answer.
 */
@ApiIT
class LiveCacheIT {

  private static final String DATABASE = ApiTestDatabase.fresh("live_cache");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ApiTestDatabase.register(registry, DATABASE);
    registry.add("api.cache.catalogue-ttl", () -> "10m");
    registry.add("api.cache.scores-ttl", () -> "10m");
    registry.add("api.cache.refresh-wait", () -> "0s");
    // One request past the cache at a time: a background read that kept its permit would have
    // every later one refused.
    registry.add("api.limit.max-in-flight", () -> "1");
  }

  @Autowired WebTestClient client;
  @Autowired MeterRegistry meters;
  @Autowired Changes changes;

  /** Once listening: the "everything changed" of the connection must not evict mid-test. */
  @BeforeEach
  void listening() {
    await("listening").atMost(Duration.ofSeconds(10)).until(changes::heard);
  }

  private static void execute(String sql) throws SQLException {
    try (Connection owner = DriverManager.getConnection(DATABASE, PostgresServer.SUPERUSER, "")) {
      owner.createStatement().executeUpdate(sql);
    }
  }

  /**
   * Polls until the answer contains {@code text} and the read that stored it gave its permit back;
   * fails after 3 s (the TTL is 10 minutes). A background read stores its answer a moment before it
   * gives the permit back, and the next request past the cache would otherwise find the api full.
   */
  private void seenSoon(String uri, String text) {
    await(uri + " shows " + text)
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                String.valueOf(
                            client
                                .get()
                                .uri(uri)
                                .exchange()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody())
                        .contains(text)
                    && nothingInFlight());
  }

  /**
   * A 200's body, sent once the previous request past the cache gave its permit back: the api gives
   * it back just after the answer is written, so the client can read that answer first and its next
   * request find the only permit still taken (a 503; it happened in CI). A permit never given back
   * fails here after 3 s.
   */
  private String ok(String uri) {
    await("the previous request's permit given back")
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(5))
        .until(this::nothingInFlight);
    return OkBody.of(client, uri);
  }

  /** Every request past the cache gave its permit back. */
  private boolean nothingInFlight() {
    return meters.get("api.limit.in.flight").gauge().value() == 0;
  }

  private double hits() {
    return meters.get("api.cache.lookups").tag("result", "hit").counter().count();
  }

  private double evictions() {
    return meters.get("api.cache.evictions").counter().count();
  }

  @Test
  void aCatalogueChangeIsInTheNextAnswers() throws Exception {
    assertThat(ok("/api/v2/origins")).doesNotContain("Atlantis");
    assertThat(ok("/api/v1/breeds/abys")).doesNotContain("Atlantis");
    execute("UPDATE breed SET origin = 'Atlantis' WHERE id = 'abys'");
    seenSoon("/api/v2/origins", "Atlantis");
    seenSoon("/api/v2/origins/", "Atlantis");
    seenSoon("/api/v1/breeds/abys", "Atlantis");
  }

  @Test
  void aScoreEvictsItsGamesAnswersAndNoOthers() throws Exception {
    String labyrinth = ok("/api/v2/games/LA/leaderboard");
    ok("/api/v2/games/BO/leaderboard");
    execute(
        "INSERT INTO player VALUES ('eeeeeeee-0000-4000-8000-000000000005', 'playereeeeee');"
            + " INSERT INTO score VALUES ('eeeeeeee-0000-4000-8000-000000000005', 'EE:05', 1,"
            + " 999999, 1, now(), '99-0')");
    seenSoon("/api/v2/games/BO/leaderboard", "playereeeeee");
    seenSoon("/api/v2/players/playereeeeee", "999999");
    double before = hits();
    assertThat(ok("/api/v2/games/LA/leaderboard")).isEqualTo(labyrinth);
    assertThat(hits())
        .as("Labyrinth's leaderboard still answered from memory")
        .isEqualTo(before + 1);
  }

  /**
   * The request that finds its answer stale is not held up by the read: it gets the previous
   * answer, and the read stores the new one for the next requests (issue #18, ResponseCacheTest).
   */
  @Test
  void theRequestThatStartsABackgroundReadGetsThePreviousAnswer() throws Exception {
    String before = ok("/api/v2/games/RO/leaderboard");
    double evictionsBefore = evictions();
    execute(
        "INSERT INTO player VALUES ('eeeeeeee-0000-4000-8000-000000000006', 'playerffffff');"
            + " INSERT INTO score VALUES ('eeeeeeee-0000-4000-8000-000000000006', 'EE:06', 3,"
            + " 999999, 1, now(), '99-1')");
    await("the change heard")
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> evictions() > evictionsBefore);
    assertThat(ok("/api/v2/games/RO/leaderboard")).isEqualTo(before);
    seenSoon("/api/v2/games/RO/leaderboard", "playerffffff");
    for (int i = 0; i < 3; i++) { // each read gives its permit back
      execute(
          "INSERT INTO score VALUES ('eeeeeeee-0000-4000-8000-000000000006', 'EE:06', 3,"
              + (999_000 + i)
              + ", 1, now(), '99-"
              + (i + 2)
              + "')");
      seenSoon("/api/v2/games/RO/leaderboard", Integer.toString(999_000 + i));
    }
    ok("/api/v2/games/TT/leaderboard");
  }

  @Test
  void errorsAreCachedAndEvictedLikeAnswers() throws Exception {
    client.get().uri("/api/v2/breeds/kora").exchange().expectStatus().isNotFound();
    double before = hits();
    client.get().uri("/api/v2/breeds/kora").exchange().expectStatus().isNotFound();
    assertThat(hits()).as("the second 404 is a cache hit").isEqualTo(before + 1);
    execute(
        "INSERT INTO breed (source, id, name, content_hash) VALUES ('thecatapi', 'kora', 'Korat',"
            + " 'h')");
    seenSoon("/api/v2/breeds/kora", "Korat");
  }
}
