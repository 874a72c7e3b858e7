package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.syncronizer.SyncronizerIT;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The drain against real Redis and PostgreSQL, driven directly (the Quartz trigger is off). */
@ExtendWith(OutputCaptureExtension.class)
@SyncronizerIT
@TestPropertySource(
    properties = {
      "scores.reclaim-idle=300ms",
      "scores.stream=test:drain:scores",
      "scores.dead-letter-stream=test:drain:dead"
    })
class ScoreDrainIT {

  @Autowired ScoreDrain drain;
  @Autowired ScoreRepository repository;
  @Autowired RedisClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired ScoreQueueProperties queue;
  ScoreQueueFixture fixture;

  @BeforeEach
  void reset() {
    fixture = new ScoreQueueFixture(client, jdbc, queue);
    fixture.reset();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  /**
   * The badge API's credentials (player uuid + badge MAC) stay out of the logs, dead-letter
   * warnings included; the dead-letter stream keeps the whole payload for replay.
   */
  @Test
  void noLogLineCarriesAPlayersUuidOrMac(CapturedOutput output) throws Exception {
    List<String> samples = new ArrayList<>(ScoreQueueFixture.samples());
    // A producer bug that puts a credential where the reason quotes the message: swapped fields.
    samples.add(
        "{\"user_uuid\": \"6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b07\", \"mac_address\":"
            + " \"24:6F:28:AA:10:07\", \"event\": \"24:6F:28:AA:10:07\"}");
    samples.forEach(fixture::publish);
    drain.drain(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> output.getOut().split("Dead-lettered stream entry", -1).length > 6);
    Matcher credentials =
        Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    + "|([0-9A-F]{2}:){5}[0-9A-F]{2}")
            .matcher(String.join("\n", samples));
    int found = 0;
    while (credentials.find()) {
      found++;
      assertThat(output.getAll()).doesNotContainIgnoringCase(credentials.group());
    }
    assertThat(found).isGreaterThan(10);
  }

  @Test
  void everySampleLandsAsExpected() throws Exception {
    List<String> samples = ScoreQueueFixture.samples();
    samples.forEach(fixture::publish);

    ScoreDrain.Result result = drain.drain(Duration.ofSeconds(10));

    assertThat(result.entries()).isEqualTo(samples.size());
    // 2 + (1 new, 1 repeat) + 4 + 1: the repeated Breakout 1840/212 is stored once.
    assertThat(result.stored()).isEqualTo(8);
    assertThat(result.duplicates()).isEqualTo(1);
    // The api's /api/v2/status reads the queue as this run left it.
    assertThat(
            jdbc.queryForObject(
                "SELECT stream_length FROM queue_status WHERE observed_at > now() - interval '1 minute'",
                Long.class))
        .isNotNull();
    // Every scoring player has the public id the api shows instead of uuid and MAC.
    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT coalesce(p.player_id, 'none') FROM score s"
                    + " LEFT JOIN player p ON p.player_uuid = s.player_uuid",
                String.class))
        .hasSize(3)
        .allSatisfy(id -> assertThat(id).matches("[a-z2-7]{12}"));
    assertThat(
            jdbc.queryForList(
                "SELECT g.abbreviation || ' ' || s.score || ' ' || s.duration FROM score s"
                    + " JOIN game g ON g.id = s.game_id ORDER BY s.player_uuid, g.id, s.score",
                String.class))
        .containsExactly(
            "LA 60 75",
            "BO 1840 212",
            "BO 2210 260",
            "RO 990 95",
            "BO 1500 180",
            "LA 42 61",
            "RO 1200 130",
            "TT 77 30");
    assertThat(fixture.deadLetters())
        .extracting(e -> e.getBody().get("reason"))
        .satisfiesExactly(
            r -> assertThat(r).isEqualTo("high_scores[0]: unknown game 'ZZ'"),
            r -> assertThat(r).isEqualTo("missing mac_address"),
            r -> assertThat(r).isEqualTo("unknown event 'teleport'"),
            r -> assertThat(r).startsWith("invalid JSON: Unexpected end-of-input"),
            r -> assertThat(r).startsWith("invalid JSON: Unrecognized token 'not'"));
    StreamMessage<String, String> teleport = fixture.deadLetters().get(2);
    assertThat(teleport.getBody())
        .containsEntry("payload", samples.get(9))
        .containsKeys("dead_lettered_at", "source_entry_id");
    assertThat(Instant.parse(teleport.getBody().get("dead_lettered_at")))
        .isBefore(Instant.now().plusSeconds(1));
    assertThat(fixture.pending()).isZero();
  }

  @Test
  void redeliveryAfterACrashBeforeTheAckStoresNothingTwice() throws Exception {
    String player = UUID.randomUUID().toString();
    for (int i = 0; i < 50; i++) {
      fixture.publish(highScore(player, i));
    }
    // A previous life of this consumer read the batch and committed it, then died before XACK.
    List<StreamMessage<String, String>> delivered =
        fixture
            .redis()
            .xreadgroup(
                Consumer.from(queue.group(), queue.consumer()),
                XReadArgs.Builder.count(100),
                XReadArgs.StreamOffset.lastConsumed(queue.stream()));
    List<ScoreRepository.Row> committed = new ArrayList<>();
    for (StreamMessage<String, String> entry : delivered) {
      int score =
          Integer.parseInt(
              entry.getBody().get("payload").replaceAll(".*\\[\"BO\", (\\d+),.*", "$1"));
      committed.add(
          new ScoreRepository.Row(
              UUID.fromString(player),
              "AA:BB",
              (short) 1,
              score,
              10,
              Instant.now(),
              entry.getId()));
    }
    assertThat(repository.insertNew(committed)).isEqualTo(50);
    assertThat(fixture.pending()).isEqualTo(50);

    ScoreDrain.Result result = drain.drain(Duration.ofSeconds(10));

    assertThat(result.entries()).isEqualTo(50);
    assertThat(result.stored()).isZero();
    assertThat(result.duplicates()).isEqualTo(50);
    assertThat(fixture.scoreRows()).isEqualTo(50);
    assertThat(fixture.pending()).isZero();
  }

  @Test
  void entriesPendingOnADeadConsumerAreReclaimed() throws Exception {
    String player = UUID.randomUUID().toString();
    for (int i = 0; i < 20; i++) {
      fixture.publish(highScore(player, i));
    }
    fixture
        .redis()
        .xreadgroup(
            Consumer.from(queue.group(), "instance-that-died"),
            XReadArgs.Builder.count(100),
            XReadArgs.StreamOffset.lastConsumed(queue.stream()));
    assertThat(fixture.pending()).isEqualTo(20);
    Thread.sleep(queue.reclaimIdle().toMillis() + 100);

    ScoreDrain.Result result = drain.drain(Duration.ofSeconds(10));

    assertThat(result.stored()).isEqualTo(20);
    assertThat(fixture.scoreRows()).isEqualTo(20);
    assertThat(fixture.pending()).isZero();
  }

  @Test
  void anEntryWithoutPayloadIsDeadLetteredAndTheQueueMovesOn() throws Exception {
    fixture.redis().xadd(queue.stream(), Map.of("data", "{}"));
    fixture.publish(highScore(UUID.randomUUID().toString(), 7));

    ScoreDrain.Result result = drain.drain(Duration.ofSeconds(10));

    assertThat(result.stored()).isEqualTo(1);
    assertThat(fixture.deadLetters())
        .singleElement()
        .satisfies(e -> assertThat(e.getBody().get("reason")).contains("no 'payload' field"));
  }

  /** A MAC PostgreSQL cannot store used to fail its batch on every retry, valid scores with it. */
  @Test
  void aMacAddressPostgresCannotStoreIsDeadLetteredAndTheQueueMovesOn() throws Exception {
    String player = UUID.randomUUID().toString();
    fixture.publish(highScore(player, 1).replace("AA:BB", "AA\\u0000BB"));
    // Random letters: PostgreSQL compresses an index entry, and a repeated one would fit.
    String longMac =
        new Random(7)
            .ints(3_000, 'a', 'z' + 1)
            .mapToObj(Character::toString)
            .collect(Collectors.joining());
    fixture.publish(highScore(player, 2).replace("AA:BB", longMac));
    fixture.publish(highScore(player, 3));

    ScoreDrain.Result result = drain.drain(Duration.ofSeconds(10));

    assertThat(result.stored()).isEqualTo(1);
    assertThat(fixture.pending()).isZero();
    assertThat(fixture.deadLetters())
        .extracting(e -> e.getBody().get("reason"))
        .containsExactlyInAnyOrder(
            "mac_address contains a NUL character", "mac_address is longer than 64 characters");
  }

  @Test
  void acknowledgedEntriesAreTrimmedFromTheStream() throws Exception {
    for (int i = 0; i < 30; i++) {
      fixture.publish(highScore(UUID.randomUUID().toString(), i));
    }
    drain.drain(Duration.ofSeconds(10));
    // Everything but the last delivered entry (the trim boundary) is gone.
    assertThat(fixture.redis().xlen(queue.stream())).isLessThanOrEqualTo(1);
    assertThat(fixture.scoreRows()).isEqualTo(30);
  }

  @Test
  void parallelBatchesStoreEveryRepeatedTableOnce() throws Exception {
    // 1000 badges each re-send their table three times, interleaved: 3000 entries, 30 batches.
    List<String> players = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      players.add(UUID.randomUUID().toString());
    }
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < players.size(); i++) {
        fixture.publish(highScore(players.get(i), i));
      }
    }

    ScoreDrain.Result result = drain.drain(Duration.ofSeconds(30));

    assertThat(result.entries()).isEqualTo(3000);
    assertThat(result.stored()).isEqualTo(1000);
    assertThat(result.duplicates()).isEqualTo(2000);
    assertThat(fixture.scoreRows()).isEqualTo(1000);
    assertThat(fixture.pending()).isZero();
  }

  @Test
  void tenThousandMalformedMessagesAmongValidOnesAreAllDeadLetteredAndNoValidScoreIsLost()
      throws Exception {
    List<String> malformed =
        List.of(
            "not json",
            "{\"event\": \"high-score\"",
            "{\"event\": \"teleport\", \"user_uuid\": \"%s\", \"mac_address\": \"m\"}",
            "{\"event\": \"high-score\", \"user_uuid\": \"%s\", \"mac_address\": \"m\","
                + " \"high_scores\": [[\"ZZ\", 1, 1]]}",
            "{\"event\": \"high-score\", \"user_uuid\": \"%s\", \"high_scores\": [[\"BO\", 1, 1]]}",
            "{\"event\": \"high-score\", \"user_uuid\": \"%s\", \"mac_address\": \"m\","
                + " \"high_scores\": [{\"g\": \"BO\", \"s\": \"lots\", \"d\": 1}]}");
    for (int i = 0; i < 10_000; i++) {
      fixture.publish(
          malformed.get(i % malformed.size()).replace("%s", UUID.randomUUID().toString()));
      fixture.publish(highScore(UUID.randomUUID().toString(), i));
    }

    ScoreDrain.Result result = drain.drain(Duration.ofSeconds(60));

    assertThat(result.entries()).isEqualTo(20_000);
    assertThat(fixture.scoreRows()).isEqualTo(10_000);
    assertThat(fixture.redis().xlen(queue.deadLetterStream())).isEqualTo(10_000);
    assertThat(fixture.pending()).isZero();
  }

  static String highScore(String player, int score) {
    return "{\"user_uuid\": \""
        + player
        + "\", \"mac_address\": \"AA:BB\", \"event\": \"high-score\","
        + " \"high_scores\": [[\"BO\", "
        + score
        + ", 10]]}";
  }
}
