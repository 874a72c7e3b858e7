package io.catscores.syncronizer.scores;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Direct access to the real Redis and PostgreSQL behind a drain test, and the badge samples. */
final class ScoreQueueFixture implements AutoCloseable {

  private final StatefulRedisConnection<String, String> connection;
  private final JdbcTemplate jdbc;
  private final ScoreQueueProperties queue;

  ScoreQueueFixture(RedisClient client, JdbcTemplate jdbc, ScoreQueueProperties queue) {
    this.connection = client.connect();
    this.jdbc = jdbc;
    this.queue = queue;
  }

  RedisCommands<String, String> redis() {
    return connection.sync();
  }

  /** Empties the stream (with a fresh consumer group), the dead letters and the score table. */
  void reset() {
    redis().del(queue.stream(), queue.deadLetterStream());
    redis()
        .xgroupCreate(
            XReadArgs.StreamOffset.from(queue.stream(), "0"),
            queue.group(),
            XGroupCreateArgs.Builder.mkstream());
    jdbc.execute("TRUNCATE score, player");
  }

  /** Appends a message the way the bridge and direct producers do; returns the entry id. */
  String publish(String payload) {
    return redis().xadd(queue.stream(), Map.of(ScoreStream.PAYLOAD, payload));
  }

  /** The messages from shared/samples/badge-score-messages.jsonl, one per line. */
  static List<String> samples() throws IOException {
    try (InputStream in =
        ScoreQueueFixture.class.getResourceAsStream("/samples/badge-score-messages.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  long pending() {
    return redis().xpending(queue.stream(), queue.group()).getCount();
  }

  List<StreamMessage<String, String>> deadLetters() {
    return redis().xrange(queue.deadLetterStream(), io.lettuce.core.Range.create("-", "+"));
  }

  int scoreRows() {
    return jdbc.queryForObject("SELECT count(*) FROM score", Integer.class);
  }

  @Override
  public void close() {
    connection.close();
  }
}
