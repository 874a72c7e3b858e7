package io.catscores.syncronizer.scores;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The dead-letter stream as operators work with it (DeadLettersIT): list the newest, and replay
 * chosen ones onto the score stream. A replayed entry is removed from the dead letters only after
 * its append succeeded; the natural key makes a replay of stored scores a no-op, and a message that
 * fails again is dead-lettered again with its new reason. Payloads identify players: they are
 * answered only behind the admin token and never logged.
 */
@Service
public class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final int SCAN_CHUNK = 500;
  private static final int MAX_SCANNED = 100_000;

  private final ScoreStream stream;
  private final ScoreQueueProperties queue;
  private final Counter replayed;

  DeadLetters(ScoreStream stream, ScoreQueueProperties queue, MeterRegistry meters) {
    this.stream = stream;
    this.queue = queue;
    this.replayed =
        Counter.builder("badge_dead_letters_replayed")
            .description("Dead-lettered messages put back on the score stream")
            .register(meters);
  }

  /** One dead-lettered message. */
  public record Entry(
      String id, String reason, String deadLetteredAt, String sourceEntryId, String payload) {}

  /** What to replay: every entry, the listed ids, or those whose reason contains a text. */
  public record Selection(boolean all, List<String> ids, String reason) {}

  /** The newest first, at most {@code limit}, whose reason contains {@code reason} if given. */
  public List<Entry> newest(int limit, String reason) {
    return scan(limit, matching(reason));
  }

  /** Replays the selected entries; returns the ids put back on the score stream. */
  public List<String> replay(Selection selection) {
    List<Entry> chosen =
        selection.ids() != null && !selection.ids().isEmpty()
            ? byIds(selection.ids())
            : scan(MAX_SCANNED, selection.all() ? entry -> true : matching(selection.reason()));
    RedisCommands<String, String> redis = stream.redis();
    List<String> done = new ArrayList<>();
    for (Entry entry : chosen) {
      redis.xadd(queue.stream(), Map.of(ScoreStream.PAYLOAD, entry.payload()));
      redis.xdel(queue.deadLetterStream(), entry.id()); // only once the append succeeded
      replayed.increment();
      done.add(entry.id());
    }
    log.info("Replayed {} dead-lettered messages onto {}", done.size(), queue.stream());
    return done;
  }

  private static Predicate<Entry> matching(String reason) {
    if (reason == null || reason.isBlank()) {
      return entry -> true;
    }
    String wanted = reason.toLowerCase(Locale.ROOT);
    return entry -> entry.reason().toLowerCase(Locale.ROOT).contains(wanted);
  }

  private List<Entry> byIds(List<String> ids) {
    RedisCommands<String, String> redis = stream.redis();
    List<Entry> found = new ArrayList<>();
    for (String id : ids) {
      for (StreamMessage<String, String> message :
          redis.xrange(queue.deadLetterStream(), Range.create(id, id))) {
        found.add(entry(message));
      }
    }
    return found;
  }

  /** Newest first, in chunks, until {@code limit} matched or the stream (or the bound) ends. */
  private List<Entry> scan(int limit, Predicate<Entry> wanted) {
    RedisCommands<String, String> redis = stream.redis();
    List<Entry> found = new ArrayList<>();
    Range.Boundary<String> upper = Range.Boundary.unbounded();
    int scanned = 0;
    while (found.size() < limit && scanned < MAX_SCANNED) {
      List<StreamMessage<String, String>> chunk =
          redis.xrevrange(
              queue.deadLetterStream(),
              Range.from(Range.Boundary.unbounded(), upper),
              Limit.from(SCAN_CHUNK));
      for (StreamMessage<String, String> message : chunk) {
        Entry entry = entry(message);
        if (wanted.test(entry) && found.size() < limit) {
          found.add(entry);
        }
      }
      scanned += chunk.size();
      if (chunk.size() < SCAN_CHUNK) {
        break;
      }
      upper = Range.Boundary.excluding(chunk.get(chunk.size() - 1).getId());
    }
    return found;
  }

  private static Entry entry(StreamMessage<String, String> message) {
    Map<String, String> body = message.getBody();
    return new Entry(
        message.getId(),
        body.getOrDefault("reason", ""),
        body.get("dead_lettered_at"),
        body.get("source_entry_id"),
        body.getOrDefault(ScoreStream.PAYLOAD, ""));
  }
}
