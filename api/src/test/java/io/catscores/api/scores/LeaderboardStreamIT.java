package io.catscores.api.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.api.ApiIT;
import io.catscores.api.ApiTestDatabase;
import io.catscores.api.QueryLog;
import io.catscores.api.changes.Changes;
import io.catscores.devstack.PostgresServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * The live leaderboards: the current top at once, a new best score pushed within moments of its
 * commit, one query per change however many streams watch, and bad requests refused as problem+json
 * before any stream starts (issue #17).
 */
@ApiIT
@Import(QueryLog.class)
class LeaderboardStreamIT {

  private static final String DATABASE = ApiTestDatabase.fresh("live_streams");
  private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS =
      new ParameterizedTypeReference<>() {};

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ApiTestDatabase.register(registry, DATABASE);
  }

  @Autowired WebTestClient web;
  @Autowired QueryLog queries;
  @Autowired MeterRegistry meters;
  @Autowired Changes changes;
  @LocalServerPort int port;

  private static void execute(String sql) throws SQLException {
    try (Connection owner = DriverManager.getConnection(DATABASE, PostgresServer.SUPERUSER, "")) {
      owner.createStatement().executeUpdate(sql);
    }
  }

  private static void newScore(String hexDigit, int game, long score) throws SQLException {
    String uuid = hexDigit.repeat(8) + "-0000-4000-8000-00000000000" + hexDigit;
    execute(
        "INSERT INTO player VALUES ('"
            + uuid
            + "', 'live"
            + hexDigit.repeat(8)
            + "') ON CONFLICT DO NOTHING; INSERT INTO score VALUES ('"
            + uuid
            + "', 'MAC', "
            + game
            + ", "
            + score
            + ", 1, now(), 'live-"
            + score
            + "')");
  }

  private Disposable watch(String uri, BlockingQueue<ServerSentEvent<String>> into) {
    return watch(uri, "", into);
  }

  private Disposable watch(
      String uri, String lastEventId, BlockingQueue<ServerSentEvent<String>> into) {
    return WebClient.create("http://localhost:" + port)
        .get()
        .uri(uri)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .headers(
            h ->
                h.addAll("Last-Event-ID", lastEventId.isEmpty() ? List.of() : List.of(lastEventId)))
        .retrieve()
        .bodyToFlux(EVENTS)
        .filter(event -> event.event() != null)
        .subscribe(into::add);
  }

  private static ServerSentEvent<String> next(BlockingQueue<ServerSentEvent<String>> events)
      throws InterruptedException {
    ServerSentEvent<String> event = events.poll(5, TimeUnit.SECONDS);
    assertThat(event).as("an event within 5 s").isNotNull();
    return event;
  }

  @Test
  void theCurrentTopAtOnceThenEachNewBestScore() throws Exception {
    BlockingQueue<ServerSentEvent<String>> events = new LinkedBlockingQueue<>();
    Disposable stream = watch("/api/v2/games/LA/leaderboard/stream?top=2", events);
    try {
      ServerSentEvent<String> first = next(events);
      assertThat(first.event()).isEqualTo("leaderboard");
      assertThat(first.id()).matches("2\\.[0-9]+");
      assertThat(first.data()).contains("\"name\":\"Labyrinth\"").contains("playerdddddd");

      newScore("a", 2, 777_777);
      ServerSentEvent<String> pushed = next(events);
      assertThat(pushed.data())
          .contains("\"rank\":1,\"playerId\":\"liveaaaaaaaa\",\"score\":777777");
      assertThat(pushed.id()).isNotEqualTo(first.id());

      newScore("b", 2, 1); // below the top 2: no event
      newScore("c", 3, 888_888); // another game: no event
      assertThat(events.poll(1, TimeUnit.SECONDS)).isNull();
    } finally {
      stream.dispose();
    }
  }

  /** A client coming back (EventSource sends Last-Event-ID) gets the current top at once. */
  @Test
  void aReconnectingClientGetsTheCurrentTopAtOnce() throws Exception {
    BlockingQueue<ServerSentEvent<String>> events = new LinkedBlockingQueue<>();
    Disposable first = watch("/api/v2/games/RO/leaderboard/stream?top=1", events);
    ServerSentEvent<String> seen = next(events);
    first.dispose();
    // "Current" is what the api has heard of: the reconnection comes once it heard this score
    // (LiveBoard hears a change before any later subscriber); else it races the notification.
    await("listening").atMost(Duration.ofSeconds(10)).until(changes::heard);
    CountDownLatch heard = new CountDownLatch(1);
    changes.subscribe(
        change -> {
          if (change.touches("score", 3)) {
            heard.countDown();
          }
        });
    newScore("9", 3, 5_555_555);
    assertThat(heard.await(10, TimeUnit.SECONDS)).as("the new score heard").isTrue();
    Disposable again = watch("/api/v2/games/RO/leaderboard/stream?top=1", seen.id(), events);
    try {
      ServerSentEvent<String> current = next(events);
      assertThat(current.data()).contains("5555555");
      assertThat(current.id()).isNotEqualTo(seen.id());
    } finally {
      again.dispose();
    }
  }

  @Test
  void manyStreamsOneQueryPerChange() throws Exception {
    BlockingQueue<ServerSentEvent<String>> events = new LinkedBlockingQueue<>();
    List<Disposable> streams = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      streams.add(watch("/api/v2/games/TT/leaderboard/stream", events));
    }
    try {
      for (int i = 0; i < 40; i++) {
        next(events);
      }
      assertThat(meters.get("api.streams.open").gauge().value()).isGreaterThanOrEqualTo(40);
      Thread.sleep(300); // past the minimum gap between two reads
      queries.clear();
      newScore("d", 5, 999_999);
      for (int i = 0; i < 40; i++) {
        assertThat(next(events).data()).contains("999999");
      }
      assertThat(queries.statements().stream().filter(sql -> sql.contains("LIMIT :limit")))
          .as("one read of the top for 40 streams")
          .hasSize(1);
    } finally {
      streams.forEach(Disposable::dispose);
    }
  }

  @Test
  void theAllGamesStreamStartsWithEveryGame() throws Exception {
    BlockingQueue<ServerSentEvent<String>> events = new LinkedBlockingQueue<>();
    Disposable stream = watch("/api/v2/leaderboards/stream?top=1", events);
    try {
      List<String> games = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        games.add(next(events).data().replaceAll(".*\"abbreviation\":\"(\\w+)\".*", "$1"));
      }
      assertThat(games).containsExactlyInAnyOrder("BO", "LA", "RO", "TT");
    } finally {
      stream.dispose();
    }
  }

  @Test
  void badRequestsAreProblemsBeforeAnyStream() {
    for (String uri :
        List.of(
            "/api/v2/games/nope/leaderboard/stream",
            "/api/v2/games/BO/leaderboard/stream?top=0",
            "/api/v2/games/BO/leaderboard/stream?top=101",
            "/api/v2/games/BO/leaderboard/stream?top=ten",
            "/api/v2/leaderboards/stream?sortBy=worst")) {
      web.mutate()
          .responseTimeout(Duration.ofSeconds(5))
          .build()
          .get()
          .uri(uri)
          .accept(MediaType.TEXT_EVENT_STREAM)
          .exchange()
          .expectStatus()
          .value(status -> assertThat(status).as(uri).isIn(400, 404))
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }
}
