package io.catscores.syncronizer.scores;

import java.sql.SQLException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job: one drain pass per firing, bounded by the drain budget; the next firing continues.
 * The clustered job store runs it on one instance at a time.
 */
@DisallowConcurrentExecution
public class ScoreDrainJob extends QuartzJobBean {

  public static final String NAME = "score-drain";

  private final ScoreDrain drain;
  private final ScoreQueueProperties queue;

  ScoreDrainJob(ScoreDrain drain, ScoreQueueProperties queue) {
    this.drain = drain;
    this.queue = queue;
  }

  @Override
  protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
    try {
      drain.drain(queue.drainBudget());
    } catch (SQLException | RuntimeException e) {
      // Nothing acknowledged: the entries stay pending and the next firing retries them.
      throw new JobExecutionException("Score drain failed; entries stay pending: " + e, e, false);
    }
  }
}
