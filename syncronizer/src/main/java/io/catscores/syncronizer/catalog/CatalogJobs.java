package io.catscores.syncronizer.catalog;

import io.catscores.syncronizer.jobs.JobDefinition;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** One sync job per configured source, first run at start-up. */
@Component
class CatalogJobs implements JobDefinition.Provider {

  private final SyncProperties properties;

  CatalogJobs(SyncProperties properties) {
    this.properties = properties;
  }

  @Override
  public List<JobDefinition> jobs() {
    if (!properties.scheduled()) {
      return List.of();
    }
    return properties.sources().stream()
        .map(
            source ->
                new JobDefinition(
                    source.jobName(),
                    "Sync breeds, categories and images from " + source.name(),
                    CatalogSyncJob.class,
                    Map.of(CatalogSyncJob.SOURCE, source.name()),
                    source.interval(),
                    source.cron(),
                    source.name(),
                    true))
        .toList();
  }
}
