package io.catscores.syncronizer.catalog;

import io.catscores.syncronizer.jobs.ExclusiveRuns;
import java.sql.SQLException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job: one catalogue sync of the source named in the job data. {@code
 * DisallowConcurrentExecution} on the clustered store, backed by {@link ExclusiveRuns}, keeps two
 * instances from running the same source at once.
 */
@DisallowConcurrentExecution
public class CatalogSyncJob extends QuartzJobBean {

  private static final Logger log = LoggerFactory.getLogger(CatalogSyncJob.class);
  static final String SOURCE = "source";

  private final CatalogSync sync;
  private final SyncProperties properties;
  private final ExclusiveRuns exclusive;

  CatalogSyncJob(CatalogSync sync, SyncProperties properties, ExclusiveRuns exclusive) {
    this.sync = sync;
    this.properties = properties;
    this.exclusive = exclusive;
  }

  @Override
  protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
    String name = context.getMergedJobDataMap().getString(SOURCE);
    SyncProperties.Source source =
        properties.sources().stream()
            .filter(candidate -> candidate.name().equals(name))
            .findFirst()
            .orElse(null);
    if (source == null) {
      return; // a job left in the store by a configuration that no longer has this source
    }
    String job = source.jobName(); // the name CatalogJobs registered it under
    try {
      String instance = context.getScheduler().getSchedulerInstanceId();
      // A failed run is recorded in sync_run, not rethrown to Quartz.
      if (!exclusive.runAlone(job, () -> sync.run(source, instance))) {
        log.info("Skipped {}: a run is already in progress on another instance", job);
      }
    } catch (SQLException | SchedulerException e) {
      throw new JobExecutionException("Could not start " + job + ": " + e, e, false);
    }
  }
}
