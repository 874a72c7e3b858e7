package io.catscores.syncronizer.catalog;

import static net.logstash.logback.argument.StructuredArguments.v;

import io.catscores.syncronizer.jobs.SyncRuns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * One catalogue sync of one source: breeds, then categories, then images, each entity set written
 * in its own transaction, so a failure leaves the previous good data of the failing set intact. The
 * run is recorded in sync_run whatever happens.
 */
@Service
public class CatalogSync {

  private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

  private final UpstreamClient upstream;
  private final CatalogWriter writer;
  private final SyncRuns runs;
  private final SyncProperties.Http http;
  private final SyncMetrics metrics;

  CatalogSync(
      UpstreamClient upstream,
      CatalogWriter writer,
      SyncRuns runs,
      SyncProperties properties,
      SyncMetrics metrics) {
    this.upstream = upstream;
    this.writer = writer;
    this.runs = runs;
    this.http = properties.http();
    this.metrics = metrics;
  }

  /** What a run did; {@code error} is null when it succeeded. */
  public record Outcome(long runId, CatalogWriter.Changes changes, int rejected, String error) {
    public boolean succeeded() {
      return error == null;
    }
  }

  /** A run still 'running' an hour after it started died with its instance: say so. */
  @EventListener(ApplicationReadyEvent.class)
  public void closeAbandonedRuns() {
    int closed =
        runs.failAbandoned("abandoned: the instance running it stopped before it finished");
    if (closed > 0) {
      log.warn("Marked {} abandoned sync runs as failed", closed);
    }
  }

  /**
   * Syncs {@code source} now and records the run as performed by {@code instance} (the Quartz
   * instance id).
   */
  public Outcome run(SyncProperties.Source source, String instance) {
    long runId = begin(source, instance);
    long started = System.nanoTime();
    Rejections rejected = new Rejections(source.name());
    Progress progress = new Progress();
    String error = null;
    try {
      syncAll(source, rejected, progress);
    } catch (RuntimeException e) {
      error = describe(e);
      log.error("Catalogue sync of {} failed: {}", source.name(), error);
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      end(source, runId, progress.changes, rejected.count(), error, took);
    }
    return new Outcome(runId, progress.changes, rejected.count(), error);
  }

  /** What a run has written so far: a failing step still records the steps before it. */
  private static final class Progress {
    private CatalogWriter.Changes changes = CatalogWriter.Changes.NONE;

    void add(CatalogWriter.Changes more) {
      changes = changes.plus(more);
    }
  }

  /** Records the run's start, closes earlier runs of its job that never recorded an end. */
  private long begin(SyncProperties.Source source, String instance) {
    String job = source.jobName();
    long runId = runs.start(job, source.name(), instance);
    int interrupted = runs.failInterrupted(job, runId);
    if (interrupted > 0) {
      log.warn("Marked {} interrupted earlier run(s) of {} as failed", interrupted, job);
    }
    MDC.put("job", job);
    MDC.put("source", source.name());
    MDC.put("run_id", String.valueOf(runId));
    return runId;
  }

  /** Breeds, then categories, then images; each set is written in its own transaction. */
  private void syncAll(SyncProperties.Source source, Rejections rejected, Progress progress) {
    List<CatalogRows.Breed> breeds =
        normalise(
            fetch(source, "/v1/breeds"),
            CatalogNormalizer::breed,
            CatalogRows.Breed::id,
            "breed",
            rejected);
    if (breeds.isEmpty()) {
      throw new IllegalStateException("upstream returned no usable breeds; previous data kept");
    }
    progress.add(writer.writeBreeds(source.name(), breeds));
    List<CatalogRows.Category> categories =
        normalise(
            fetch(source, "/v1/categories"),
            CatalogNormalizer::category,
            CatalogRows.Category::id,
            "category",
            rejected);
    progress.add(writer.writeCategories(source.name(), categories));
    progress.add(syncImages(source, breeds, categories, rejected));
  }

  /** Records the run's end (if the database lets us), logs it, counts it. */
  private void end(
      SyncProperties.Source source,
      long runId,
      CatalogWriter.Changes changes,
      int rejected,
      String error,
      Duration took) {
    String outcome = error == null ? "succeeded" : "failed";
    try {
      runs.finish(
          runId,
          outcome,
          new SyncRuns.Counts(changes.inserted(), changes.updated(), changes.removed(), rejected),
          error);
    } catch (DataAccessException e) {
      log.error(
          "Could not record the outcome of run {} ({}): {}; the next run of {} marks it failed",
          runId,
          outcome,
          e.getMessage(),
          source.jobName());
    }
    // One searchable line per run (Kibana's "failed sync runs": event:sync_run AND
    // outcome:failed); v() adds each value as a JSON field and keeps the message readable.
    log.info(
        Markers.append("event", "sync_run"),
        "Catalogue sync of {} {}: {} inserted, {} updated, {} removed, {} rejected in {} ms",
        source.name(),
        v("outcome", outcome),
        v("inserted", changes.inserted()),
        v("updated", changes.updated()),
        v("removed", changes.removed()),
        v("rejected", rejected),
        v("duration_ms", took.toMillis()));
    metrics.run(source, outcome, changes, took);
    MDC.remove("job");
    MDC.remove("source");
    MDC.remove("run_id");
  }

  private CatalogWriter.Changes syncImages(
      SyncProperties.Source source,
      List<CatalogRows.Breed> breeds,
      List<CatalogRows.Category> categories,
      Rejections rejected) {
    return writer.writeImages(
        source.name(),
        breedImages(source, breeds, rejected),
        categoryImages(source, categories, rejected));
  }

  /** A few images of every breed, fetched a few breeds at a time, in breed order. */
  private List<CatalogRows.ImageSet<String>> breedImages(
      SyncProperties.Source source, List<CatalogRows.Breed> breeds, Rejections rejected) {
    int limit = http.imagesPerBreed();
    return Flux.fromIterable(breeds)
        .flatMapSequential(
            breed ->
                upstream
                    .list(
                        source,
                        "/v1/images/search?breed_ids={id}&limit={limit}&order=ASC",
                        breed.id(),
                        limit)
                    .map(
                        list ->
                            new CatalogRows.ImageSet<>(breed.id(), images(list, limit, rejected))),
            http.imageConcurrency())
        .collectList()
        .block();
  }

  /** A few images of each configured category that the source has. */
  private List<CatalogRows.ImageSet<Integer>> categoryImages(
      SyncProperties.Source source, List<CatalogRows.Category> categories, Rejections rejected) {
    int limit = http.imagesPerBreed();
    Map<String, Integer> categoryIds = new LinkedHashMap<>();
    categories.forEach(c -> categoryIds.put(c.name().toLowerCase(Locale.ROOT), c.id()));
    List<CatalogRows.ImageSet<Integer>> byCategory = new ArrayList<>();
    for (String name : source.categories()) {
      Integer id = categoryIds.get(name.toLowerCase(Locale.ROOT));
      if (id == null) {
        log.warn(
            "Configured category '{}' is not in {}'s categories; skipped", name, source.name());
        continue;
      }
      List<JsonNode> list =
          upstream
              .list(
                  source, "/v1/images/search?category_ids={id}&limit={limit}&order=ASC", id, limit)
              .block();
      byCategory.add(new CatalogRows.ImageSet<>(id, images(list, limit, rejected)));
    }
    return byCategory;
  }

  private List<CatalogRows.Image> images(List<JsonNode> list, int limit, Rejections rejected) {
    return normalise(list, CatalogNormalizer::image, CatalogRows.Image::id, "image", rejected)
        .stream()
        .limit(limit)
        .toList();
  }

  private List<JsonNode> fetch(SyncProperties.Source source, String path) {
    return upstream.list(source, path).block();
  }

  /** Valid rows, first occurrence of each key; every rejection is logged and counted. */
  private static <T> List<T> normalise(
      List<JsonNode> nodes,
      Function<JsonNode, CatalogNormalizer.Result<T>> read,
      Function<T, Object> key,
      String entity,
      Rejections rejected) {
    Map<Object, T> rows = new LinkedHashMap<>();
    for (JsonNode node : nodes) {
      CatalogNormalizer.Result<T> result = read.apply(node);
      if (result.row() == null) {
        rejected.add(entity, result.rejection());
      } else {
        rows.putIfAbsent(key.apply(result.row()), result.row());
      }
    }
    return new ArrayList<>(rows.values());
  }

  private final class Rejections {
    private final String source;
    private int count;

    Rejections(String source) {
      this.source = source;
    }

    void add(String entity, String reason) {
      count++;
      log.warn("Rejected upstream {} from {}: {}", entity, source, reason);
      metrics.rejected(source, entity);
    }

    int count() {
      return count;
    }
  }

  /** A one-line error for the run history: the root cause's type and message, no stack. */
  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return root == error
        ? root.getClass().getSimpleName() + message
        : error.getClass().getSimpleName()
            + " caused by "
            + root.getClass().getSimpleName()
            + message;
  }
}
