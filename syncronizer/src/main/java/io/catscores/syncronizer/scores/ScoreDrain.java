package io.catscores.syncronizer.scores;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.catscores.common.Redact;
import io.catscores.syncronizer.scores.BadgeMessage.Counted;
import io.catscores.syncronizer.scores.BadgeMessage.HighScores;
import io.catscores.syncronizer.scores.BadgeMessage.Invalid;
import io.lettuce.core.StreamMessage;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Moves score messages from the Redis stream into PostgreSQL, at least once: a batch is
 * acknowledged only after its scores are committed, and the natural key makes a redelivered score a
 * no-op. Unusable messages go to the dead-letter stream, so nothing blocks the queue.
 */
@Component
class ScoreDrain {

  private static final Logger log = LoggerFactory.getLogger(ScoreDrain.class);

  private final ScoreStream stream;
  private final ScoreRepository scores;
  private final BadgeMessageParser parser;
  private final DrainMetrics metrics;
  private final QueueStatus queueStatus;
  private final ScoreQueueProperties queue;
  private final Clock clock = Clock.systemUTC();
  private final ScoreWriters writers;
  private final ReentrantLock running = new ReentrantLock();
  private volatile boolean stopping;

  ScoreDrain(
      ScoreStream stream,
      ScoreRepository scores,
      Games games,
      ObjectMapper json,
      DrainMetrics metrics,
      QueueStatus queueStatus,
      ScoreQueueProperties queue) {
    this.stream = stream;
    this.scores = scores;
    this.parser = new BadgeMessageParser(json, games::idOf);
    this.metrics = metrics;
    this.queueStatus = queueStatus;
    this.queue = queue;
    this.writers = new ScoreWriters(queue.writers());
  }

  /**
   * On shutdown (before the connection pool closes): no new batch is read, the batches being
   * written are committed and acknowledged, the rest stays in the stream for the next instance;
   * said at INFO, nothing at WARN or ERROR (QuietStopIT).
   */
  @PreDestroy
  void stopWriters() throws InterruptedException {
    stopping = true;
    if (running.tryLock(30, TimeUnit.SECONDS)) {
      running.unlock();
    }
    writers.shutdown();
    log.info("Score drain stopped: batches in flight were written, the rest stays in the stream");
  }

  /** What one drain pass did. */
  record Result(int entries, int stored, int duplicates, int deadLettered) {
    Result plus(Result other) {
      return new Result(
          entries + other.entries,
          stored + other.stored,
          duplicates + other.duplicates,
          deadLettered + other.deadLettered);
    }
  }

  /**
   * Drains until the stream is empty or {@code budget} is spent: first this consumer's own pending
   * entries (left by a crash), then entries idle on dead consumers, then new ones.
   *
   * @throws SQLException when PostgreSQL fails; the batch stays pending and is retried next time
   */
  Result drain(Duration budget) throws SQLException {
    running.lock();
    try {
      return drainUnlocked(budget);
    } finally {
      running.unlock();
    }
  }

  private Result drainUnlocked(Duration budget) throws SQLException {
    Instant deadline = clock.instant().plus(budget);
    Result total = new Result(0, 0, 0, 0);
    total = total.plus(drainFrom(stream::ownPending, deadline));
    total = total.plus(drainFrom(stream::reclaim, deadline));
    total = total.plus(drainNew(deadline));
    stream.trimAcknowledged();
    ScoreStream.QueueState state = stream.state();
    metrics.queueState(state);
    queueStatus.record(state, clock.instant());
    if (total.entries() > 0) {
      log.info(
          "Drained {} entries: {} scores stored, {} duplicates, {} dead-lettered",
          total.entries(),
          total.stored(),
          total.duplicates(),
          total.deadLettered());
    }
    return total;
  }

  private Result drainFrom(
      IntFunction<List<StreamMessage<String, String>>> source, Instant deadline)
      throws SQLException {
    Result total = new Result(0, 0, 0, 0);
    while (!stopping && clock.instant().isBefore(deadline)) {
      List<StreamMessage<String, String>> batch = source.apply(queue.batchSize());
      if (batch.isEmpty()) {
        break;
      }
      total = total.plus(process(batch));
      metrics.queueState(stream.state());
    }
    return total;
  }

  /**
   * New entries, with up to {@code writers} batches being written at once: PostgreSQL inserts are
   * the bottleneck and one connection keeps only one core busy. Each batch is acknowledged after
   * its own commit, so a failure leaves exactly the unwritten batches pending. (Own pending and
   * reclaimed entries are drained one batch at a time: re-reading them while a batch is in flight
   * would hand out the same entries twice.)
   */
  private Result drainNew(Instant deadline) throws SQLException {
    Semaphore slots = new Semaphore(queue.writers());
    AtomicBoolean writeFailed = new AtomicBoolean();
    List<Future<Result>> inFlight = new ArrayList<>();
    RuntimeException readFailure = null;
    try {
      while (!stopping && clock.instant().isBefore(deadline) && !writeFailed.get()) {
        slots.acquireUninterruptibly();
        List<StreamMessage<String, String>> batch = readNewOrRelease(slots);
        if (batch.isEmpty()) {
          break;
        }
        Prepared prepared = prepare(batch);
        inFlight.add(
            writers.submit(
                () -> {
                  try {
                    return commit(prepared);
                  } catch (SQLException | RuntimeException e) {
                    writeFailed.set(true);
                    throw e;
                  } finally {
                    slots.release();
                  }
                }));
        metrics.queueState(stream.state());
      }
    } catch (RuntimeException e) {
      readFailure = e;
    }
    Result written = ScoreWriters.awaitAll(inFlight);
    if (readFailure != null) {
      throw readFailure;
    }
    return written;
  }

  private List<StreamMessage<String, String>> readNewOrRelease(Semaphore slots) {
    try {
      List<StreamMessage<String, String>> batch = stream.readNew(queue.batchSize());
      if (batch.isEmpty()) {
        slots.release();
      }
      return batch;
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  private Result process(List<StreamMessage<String, String>> batch) throws SQLException {
    return commit(prepare(batch));
  }

  /** A batch read and parsed, ready to be written and acknowledged. */
  private record Prepared(
      int size, List<ScoreRepository.Row> rows, List<DeadLetter> deadLetters, List<String> ids) {}

  private Prepared prepare(List<StreamMessage<String, String>> batch) {
    metrics.batch(batch.size());
    List<ScoreRepository.Row> rows = new ArrayList<>();
    List<DeadLetter> deadLetters = new ArrayList<>();
    List<String> ids = new ArrayList<>(batch.size());
    for (StreamMessage<String, String> entry : batch) {
      ids.add(entry.getId());
      String payload = entry.getBody() == null ? null : entry.getBody().get(ScoreStream.PAYLOAD);
      BadgeMessage message =
          payload == null
              ? new Invalid("invalid", "stream entry has no '" + ScoreStream.PAYLOAD + "' field")
              : parser.parse(payload);
      if (message instanceof HighScores high) {
        addScores(high, entry.getId(), rows);
        if (high.rejected().isEmpty()) {
          metrics.message(high.event(), "stored");
        } else {
          metrics.message(high.event(), "partly_stored");
          String reason = "partly stored; " + String.join("; ", high.rejected());
          deadLetters.add(new DeadLetter(entry.getId(), payload, reason));
        }
      } else if (message instanceof Counted counted) {
        metrics.message(counted.event(), "counted");
      } else if (message instanceof Invalid invalid) {
        metrics.message(invalid.event(), "dead_lettered");
        deadLetters.add(new DeadLetter(entry.getId(), payload, invalid.reason()));
      }
    }
    return new Prepared(batch.size(), rows, deadLetters, ids);
  }

  /** One row per score of the table, first seen when its stream entry was appended. */
  private static void addScores(HighScores high, String entryId, List<ScoreRepository.Row> rows) {
    Instant seenAt = ScoreStream.entryTime(entryId);
    for (BadgeMessage.Score s : high.scores()) {
      rows.add(
          new ScoreRepository.Row(
              high.player(),
              high.macAddress(),
              s.gameId(),
              s.score(),
              s.duration(),
              seenAt,
              entryId));
    }
  }

  private Result commit(Prepared batch) throws SQLException {
    List<ScoreRepository.Row> rows = batch.rows();
    int inserted = insert(rows);
    Instant now = clock.instant();
    for (DeadLetter dead : batch.deadLetters()) {
      stream.deadLetter(dead.entryId(), dead.payload(), dead.reason(), now);
      log.warn(
          Markers.append("event", "dead_letter"),
          "Dead-lettered stream entry {}: {}",
          kv("stream_entry_id", dead.entryId()),
          kv("reason", Redact.credentials(dead.reason()))); // the payload stays in the stream
    }
    stream.acknowledge(batch.ids());
    metrics.scores("stored", inserted);
    metrics.scores("duplicate", rows.size() - inserted);
    return new Result(batch.size(), inserted, rows.size() - inserted, batch.deadLetters().size());
  }

  private int insert(List<ScoreRepository.Row> rows) throws SQLException {
    long start = System.nanoTime();
    try {
      return scores.insertNew(rows);
    } finally {
      metrics.writeLatency().record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private record DeadLetter(String entryId, String payload, String reason) {}
}
