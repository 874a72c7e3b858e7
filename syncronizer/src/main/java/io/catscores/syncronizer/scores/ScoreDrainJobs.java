package io.catscores.syncronizer.scores;

import io.catscores.syncronizer.jobs.JobDefinition;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The drain job, unless scores.scheduled=false (tests drive the drain directly). */
@Component
class ScoreDrainJobs implements JobDefinition.Provider {

  private final ScoreQueueProperties queue;

  ScoreDrainJobs(ScoreQueueProperties queue) {
    this.queue = queue;
  }

  @Override
  public List<JobDefinition> jobs() {
    if (!queue.scheduled()) {
      return List.of();
    }
    return List.of(
        new JobDefinition(
            ScoreDrainJob.NAME,
            "Drain the badge score stream into PostgreSQL",
            ScoreDrainJob.class,
            Map.of(),
            queue.drainInterval(),
            null,
            null,
            true));
  }
}
