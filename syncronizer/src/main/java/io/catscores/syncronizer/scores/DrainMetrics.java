package io.catscores.syncronizer.scores;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The drain's Prometheus metrics; the metric catalogue in doc/ describes each. */
@Component
class DrainMetrics {

  private final MeterRegistry registry;
  private final Clock clock;
  private final DistributionSummary batchSize;
  private final Timer writeLatency;
  private final AtomicReference<ScoreStream.QueueState> state = new AtomicReference<>();

  DrainMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.clock = Clock.systemUTC();
    this.batchSize =
        DistributionSummary.builder("badge_drain_batch_size")
            .description("Stream entries per drained batch")
            .serviceLevelObjectives(1, 10, 100, 500, 1000, 2000, 5000)
            .register(registry);
    this.writeLatency =
        Timer.builder("badge_drain_write")
            .description("Time to write one batch of scores to PostgreSQL")
            .publishPercentileHistogram()
            .register(registry);
    gauge("badge_stream_length", "Entries in the score stream", s -> s.length());
    gauge("badge_stream_pending", "Entries delivered but not yet acknowledged", s -> s.pending());
    gauge(
        "badge_stream_lag_entries",
        "Entries not yet delivered (Redis 7+, else -1)",
        s -> s.lagEntries());
    gauge(
        "badge_stream_lag_seconds",
        "Age of the oldest entry not yet delivered",
        s -> age(s.oldestUndelivered()));
    gauge(
        "badge_stream_oldest_pending_age_seconds",
        "Age of the oldest unacknowledged entry",
        s -> age(s.oldestPending()));
    gauge("badge_dead_letter_length", "Entries in the dead-letter stream", s -> s.deadLetters());
  }

  private void gauge(
      String name,
      String description,
      java.util.function.ToDoubleFunction<ScoreStream.QueueState> f) {
    Gauge.builder(name, state, ref -> ref.get() == null ? Double.NaN : f.applyAsDouble(ref.get()))
        .description(description)
        .register(registry);
  }

  private double age(Instant since) {
    return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / 1000.0;
  }

  void message(String event, String outcome) {
    Counter.builder("badge_messages")
        .description("Score-queue messages by event type and what became of them")
        .tag("event", event)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  void scores(String outcome, long count) {
    Counter.builder("badge_scores")
        .description("Scores read from high-score messages: stored (new) or duplicate")
        .tag("outcome", outcome)
        .register(registry)
        .increment(count);
  }

  void bridged(String outcome) {
    Counter.builder("badge_bridge_messages")
        .description("Pub/Sub messages the bridge appended to the stream, deduplicated or failed")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  void batch(int size) {
    batchSize.record(size);
  }

  Timer writeLatency() {
    return writeLatency;
  }

  void queueState(ScoreStream.QueueState latest) {
    state.set(latest);
  }
}
