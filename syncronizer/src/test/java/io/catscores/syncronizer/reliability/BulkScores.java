package io.catscores.syncronizer.reliability;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many distinct badge messages (5 scores each, one per game) appended to a stream with pipelined
 * XADDs, as a busy conference produces them; and the counts the reliability tests compare.
 */
final class BulkScores {

  static final int SCORES_PER_MESSAGE = 5;

  private BulkScores() {}

  /** Replaces {@code stream} with {@code messages} new messages. */
  static void load(int redisPort, String stream, int messages) {
    RedisClient client = RedisClient.create("redis://localhost:" + redisPort);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().del(stream);
      connection.setAutoFlushCommands(false);
      List<RedisFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < messages; i++) {
        pending.add(connection.async().xadd(stream, Map.of("payload", message(i))));
        if (pending.size() == 5_000) {
          flush(connection, pending);
        }
      }
      flush(connection, pending);
    } finally {
      client.shutdown();
    }
  }

  private static void flush(
      StatefulRedisConnection<String, String> connection, List<RedisFuture<?>> pending) {
    connection.flushCommands();
    LettuceFutures.awaitAll(Duration.ofSeconds(30), pending.toArray(RedisFuture[]::new));
    pending.clear();
  }

  private static String message(int i) {
    String player = new UUID(0xC0FFEEL, i).toString();
    StringBuilder scores = new StringBuilder();
    String[] games = {"BO", "LA", "RO", "TT", "Breakout"};
    for (int g = 0; g < games.length; g++) {
      scores.append(g == 0 ? "" : ", ").append("[\"").append(games[g]).append("\", ");
      scores.append(i).append(", ").append(g + 1).append(']');
    }
    return "{\"user_uuid\": \""
        + player
        + "\", \"mac_address\": \"AA:"
        + i
        + "\", \"event\": \"high-score\", \"high_scores\": ["
        + scores
        + "]}";
  }

  /** Rows in the score table (0 while the schema is not there yet or the database is down). */
  static long stored(DataSource database) {
    try {
      return new JdbcTemplate(database).queryForObject("SELECT count(*) FROM score", Long.class);
    } catch (RuntimeException notReachable) {
      return 0;
    }
  }

  /** Distinct natural keys: equal to {@link #stored} when nothing was stored twice. */
  static long distinct(DataSource database) {
    return new JdbcTemplate(database)
        .queryForObject(
            "SELECT count(DISTINCT (player_uuid, mac_address, game_id, score, duration)) FROM score",
            Long.class);
  }

  static long pending(int redisPort, String stream) {
    RedisClient client = RedisClient.create("redis://localhost:" + redisPort);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().xpending(stream, "syncronizer").getCount();
    } finally {
      client.shutdown();
    }
  }

  static long deadLetters(int redisPort, String deadLetterStream) {
    RedisClient client = RedisClient.create("redis://localhost:" + redisPort);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().xlen(deadLetterStream);
    } finally {
      client.shutdown();
    }
  }
}
