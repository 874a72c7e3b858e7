package io.catscores.syncronizer.catalog;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job: one catalogue sync of the source named in the job data. The clustered job store and
 * {@code @DisallowConcurrentExecution} keep two instances from running the same source at once.
 */
@DisallowConcurrentExecution
public class CatalogSyncJob extends QuartzJobBean {

  static final String SOURCE = "source";

  private final CatalogSync sync;
  private final SyncProperties properties;

  CatalogSyncJob(CatalogSync sync, SyncProperties properties) {
    this.sync = sync;
    this.properties = properties;
  }

  @Override
  protected void executeInternal(JobExecutionContext context) {
    String name = context.getMergedJobDataMap().getString(SOURCE);
    properties.sources().stream()
        .filter(source -> source.name().equals(name))
        .findFirst()
        .ifPresent(sync::run); // a failed run is recorded in sync_run, not rethrown to Quartz
  }
}
