package io.catscores.syncronizer.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.quartz.Job;

/**
 * A job the syncronizer schedules: an interval or a Quartz cron expression (preferred when set).
 *
 * @param source the catalogue source the job syncs, or null
 * @param runAtStartup fire once as soon as the app is ready (unless paused)
 */
public record JobDefinition(
    String name,
    String description,
    Class<? extends Job> type,
    Map<String, Object> data,
    Duration interval,
    String cron,
    String source,
    boolean runAtStartup) {

  /** Where jobs come from: the catalogue (one per source) and the score drain. */
  public interface Provider {
    List<JobDefinition> jobs();
  }

  /** Whether the job runs on its cron expression rather than its interval. */
  public boolean isCron() {
    return cron != null && !cron.isBlank();
  }

  public String schedule() {
    return isCron() ? "cron " + cron : "every " + interval;
  }
}
