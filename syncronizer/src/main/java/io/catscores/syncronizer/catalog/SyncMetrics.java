package io.catscores.syncronizer.catalog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** What catalogue syncs leave in the metrics (doc/metrics.md), as DrainMetrics does for scores. */
@Component
class SyncMetrics {

  private final MeterRegistry meters;
  private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

  SyncMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void rejected(String source, String entity) {
    Counter.builder("catalog_rejected")
        .description("Upstream objects rejected by the normaliser")
        .tag("source", source)
        .tag("entity", entity)
        .register(meters)
        .increment();
  }

  void run(
      SyncProperties.Source source, String outcome, CatalogWriter.Changes changes, Duration took) {
    Timer.builder("catalog_sync_duration")
        .description("Duration of catalogue sync runs")
        .tag("job", source.jobName())
        .tag("source", source.name())
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(meters)
        .record(took);
    Counter.builder("catalog_sync_runs")
        .description("Catalogue sync runs by outcome")
        .tag("job", source.jobName())
        .tag("source", source.name())
        .tag("outcome", outcome)
        .register(meters)
        .increment();
    rows(source.name(), "inserted", changes.inserted());
    rows(source.name(), "updated", changes.updated());
    rows(source.name(), "removed", changes.removed());
    if (outcome.equals("succeeded")) {
      lastSuccess
          .computeIfAbsent(
              source.name(),
              name ->
                  meters.gauge(
                      "catalog_sync_last_success_timestamp_seconds",
                      List.of(Tag.of("source", name)),
                      new AtomicLong()))
          .set(System.currentTimeMillis() / 1000);
    }
  }

  private void rows(String source, String change, int rows) {
    Counter.builder("catalog_sync_rows")
        .description("Rows written by catalogue syncs")
        .tag("source", source)
        .tag("change", change)
        .register(meters)
        .increment(rows);
  }
}
