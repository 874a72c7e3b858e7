package io.catscores.api.status;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The JSON of /api/v2/status. */
final class StatusViews {

  private StatusViews() {}

  /** {@code stale}: some source is older than two of its intervals (see each part). */
  record Status(boolean stale, List<Source> catalogue, Scores scores) {}

  /**
   * One catalogue source. {@code stale}: no successful sync for two of its intervals (cron
   * schedules: the time between its previous and next firing).
   */
  record Source(
      String source,
      String job,
      @Schema(nullable = true) Instant lastSuccessAt,
      @Schema(nullable = true) Long ageSeconds,
      String lastOutcome,
      Instant lastRunAt,
      @Schema(nullable = true, description = "ISO-8601, e.g. PT1H") String interval,
      @Schema(nullable = true) String cron,
      boolean stale) {}

  /**
   * The scores. {@code stale}: the drain has not reported for two of its intervals (at least 30 s),
   * or the oldest undelivered message waits more than 60 s (the ScoreQueueLagging alert).
   */
  record Scores(
      @Schema(nullable = true) Instant newestScoreAt,
      @Schema(nullable = true) Queue queue,
      boolean stale) {}

  /** The score queue as the drain last saw it; {@code lagSeconds} is its oldest waiting entry. */
  record Queue(Instant observedAt, long length, long pending, double lagSeconds) {}
}
