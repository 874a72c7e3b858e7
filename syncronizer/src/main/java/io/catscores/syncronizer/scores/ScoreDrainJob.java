package io.catscores.syncronizer.scores;

import io.catscores.syncronizer.jobs.ExclusiveRuns;
import java.sql.SQLException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job: one drain pass per firing, bounded by the drain budget; the next firing continues.
 * The clustered job store, backed by {@link ExclusiveRuns}, runs it on one instance at a time.
 */
@DisallowConcurrentExecution
public class ScoreDrainJob extends QuartzJobBean {

  public static final String NAME = "score-drain";

  private final ScoreDrain drain;
  private final ScoreQueueProperties queue;
  private final ExclusiveRuns exclusive;

  ScoreDrainJob(ScoreDrain drain, ScoreQueueProperties queue, ExclusiveRuns exclusive) {
    this.drain = drain;
    this.queue = queue;
    this.exclusive = exclusive;
  }

  @Override
  protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
    try {
      // Skipped while another instance drains: the next firing continues where that one stops.
      exclusive.runAlone(NAME, () -> drain.drain(queue.drainBudget()));
    } catch (SQLException | RuntimeException e) {
      // Nothing acknowledged: the entries stay pending and the next firing retries them.
      throw new JobExecutionException("Score drain failed; entries stay pending: " + e, e, false);
    }
  }
}
