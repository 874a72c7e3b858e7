package io.catscores.syncronizer.scores;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessages;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The score stream and its consumer group, as the drain needs them. The connection is opened on
 * first use, so the app starts even while Redis is down, and reopened after a failure.
 */
@Component
class ScoreStream implements AutoCloseable {

  /** The stream field holding the badge API's message, as the bridge and producers write it. */
  static final String PAYLOAD = "payload";

  private final RedisClient client;
  private final ScoreQueueProperties queue;
  private final Consumer<String> consumer;
  private StatefulRedisConnection<String, String> connection;
  private boolean groupReady;

  ScoreStream(RedisClient client, ScoreQueueProperties queue) {
    this.client = client;
    this.queue = queue;
    this.consumer = Consumer.from(queue.group(), queue.consumer());
  }

  synchronized RedisCommands<String, String> redis() {
    if (connection == null || !connection.isOpen()) {
      connection = client.connect();
      groupReady = false;
    }
    RedisCommands<String, String> commands = connection.sync();
    if (!groupReady) {
      try {
        commands.xgroupCreate(
            XReadArgs.StreamOffset.from(queue.stream(), "0"),
            queue.group(),
            XGroupCreateArgs.Builder.mkstream());
      } catch (RedisBusyException alreadyThere) {
        // BUSYGROUP: another instance or an earlier run created it
      }
      groupReady = true;
    }
    return commands;
  }

  /** Entries delivered to this consumer earlier but never acknowledged (e.g. before a crash). */
  List<StreamMessage<String, String>> ownPending(int count) {
    return read(count, XReadArgs.StreamOffset.from(queue.stream(), "0"));
  }

  /** Takes over entries another consumer left pending longer than the reclaim threshold. */
  List<StreamMessage<String, String>> reclaim(int count) {
    return withGroup(
        () ->
            redis()
                .xautoclaim(
                    queue.stream(),
                    XAutoClaimArgs.Builder.xautoclaim(consumer, queue.reclaimIdle(), "0-0")
                        .count(count))
                .getMessages());
  }

  List<StreamMessage<String, String>> readNew(int count) {
    return read(count, XReadArgs.StreamOffset.lastConsumed(queue.stream()));
  }

  private List<StreamMessage<String, String>> read(
      int count, XReadArgs.StreamOffset<String> offset) {
    return withGroup(() -> redis().xreadgroup(consumer, XReadArgs.Builder.count(count), offset));
  }

  /** Recreates the group once when the stream was deleted behind our back (NOGROUP). */
  private <T> T withGroup(Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisCommandExecutionException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
        throw e;
      }
      synchronized (this) {
        groupReady = false;
      }
      return command.get();
    }
  }

  void acknowledge(List<String> ids) {
    if (!ids.isEmpty()) {
      redis().xack(queue.stream(), queue.group(), ids.toArray(String[]::new));
    }
  }

  /** Appends an unusable message to the dead-letter stream with why, when and where from. */
  void deadLetter(String entryId, String payload, String reason, Instant at) {
    redis()
        .xadd(
            queue.deadLetterStream(),
            Map.of(
                PAYLOAD,
                payload == null ? "" : payload,
                "reason",
                reason,
                "dead_lettered_at",
                at.toString(),
                "source_stream",
                queue.stream(),
                "source_entry_id",
                entryId));
  }

  /**
   * Drops entries every consumer has acknowledged: those older than both the oldest pending entry
   * and the group's last delivered entry. Keeps the stream's memory bounded by the backlog.
   */
  void trimAcknowledged() {
    RedisCommands<String, String> redis = redis();
    String lastDelivered = groupInfo(redis).get("last-delivered-id");
    if (lastDelivered == null || lastDelivered.equals("0-0")) {
      return;
    }
    PendingMessages pending = redis.xpending(queue.stream(), queue.group());
    String keepFrom = lastDelivered;
    if (pending.getCount() > 0 && pending.getMessageIds().getLower().getValue() != null) {
      keepFrom = lower(keepFrom, pending.getMessageIds().getLower().getValue());
    }
    redis.xtrim(queue.stream(), XTrimArgs.Builder.minId(keepFrom));
  }

  /** Length, pending count, oldest pending and oldest undelivered entry, for the gauges. */
  QueueState state() {
    RedisCommands<String, String> redis = redis();
    long length = redis.xlen(queue.stream());
    PendingMessages pending = redis.xpending(queue.stream(), queue.group());
    Instant oldestPending =
        pending.getCount() > 0 ? entryTime(pending.getMessageIds().getLower().getValue()) : null;
    String lastDelivered = groupInfo(redis).getOrDefault("last-delivered-id", "0-0");
    List<StreamMessage<String, String>> next =
        redis.xrange(queue.stream(), Range.create("(" + lastDelivered, "+"), Limit.from(1));
    Instant oldestUndelivered = next.isEmpty() ? null : entryTime(next.get(0).getId());
    long deadLetters = redis.xlen(queue.deadLetterStream());
    // Redis 7+ reports the group's lag in entries; 6.2 does not (then -1).
    long lag = Long.parseLong(groupInfo(redis).getOrDefault("lag", "-1").replace("null", "-1"));
    return new QueueState(
        length, pending.getCount(), oldestPending, oldestUndelivered, lag, deadLetters);
  }

  record QueueState(
      long length,
      long pending,
      Instant oldestPending,
      Instant oldestUndelivered,
      long lagEntries,
      long deadLetters) {}

  private Map<String, String> groupInfo(RedisCommands<String, String> redis) {
    for (Object group : redis.xinfoGroups(queue.stream())) {
      Map<String, String> fields = pairs((List<?>) group);
      if (queue.group().equals(fields.get("name"))) {
        return fields;
      }
    }
    return Map.of();
  }

  private static Map<String, String> pairs(List<?> flat) {
    var map = new java.util.HashMap<String, String>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
    }
    return map;
  }

  /** A stream entry id starts with the millisecond it was appended. */
  static Instant entryTime(String entryId) {
    int dash = entryId.indexOf('-');
    return Instant.ofEpochMilli(Long.parseLong(dash < 0 ? entryId : entryId.substring(0, dash)));
  }

  static String lower(String a, String b) {
    return compareIds(a, b) <= 0 ? a : b;
  }

  static int compareIds(String a, String b) {
    String[] x = a.split("-");
    String[] y = b.split("-");
    int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
    return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
  }
}
