package io.catscores.syncronizer.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers every {@link JobDefinition} with the clustered Quartz scheduler and carries out the
 * control API's commands. A job an operator paused stays paused across restarts and re-deploys.
 */
@Component
public class ScheduledJobs {

  private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

  private final Scheduler scheduler;
  private final TransactionTemplate transaction;
  private final Map<String, JobDefinition> definitions = new LinkedHashMap<>();

  /**
   * Quartz's JDBC store (JobStoreCMT under Spring) takes its cluster-wide row lock only inside a
   * transaction: every change made from here runs in one, so it cannot interleave with another
   * instance firing the same job (found by ClusteredSchedulingIT: two runs overlapped by a second).
   */
  ScheduledJobs(
      Scheduler scheduler,
      List<JobDefinition.Provider> providers,
      PlatformTransactionManager transactions) {
    this.scheduler = scheduler;
    this.transaction = new TransactionTemplate(transactions);
    providers.forEach(p -> p.jobs().forEach(job -> definitions.put(job.name(), job)));
  }

  /** Registers every job, then starts the scheduler (spring.quartz.auto-startup is off). */
  @EventListener(ApplicationReadyEvent.class)
  public void register() throws SchedulerException {
    List<JobKey> runNow = new ArrayList<>();
    for (JobDefinition job : definitions.values()) {
      inTransaction(() -> registerOne(job, runNow));
    }
    scheduler.start();
    for (JobKey key : runNow) {
      inTransaction(() -> scheduler.triggerJob(key));
    }
  }

  private void registerOne(JobDefinition job, List<JobKey> runNow) throws SchedulerException {
    JobDetail detail =
        JobBuilder.newJob(job.type())
            .withIdentity(job.name())
            .withDescription(job.description())
            .usingJobData(new JobDataMap(job.data()))
            .storeDurably()
            .build();
    scheduler.addJob(detail, true);
    boolean paused = paused(job.name());
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .forJob(detail)
            .withIdentity(job.name())
            .withSchedule(schedule(job))
            .startAt(Date.from(Instant.now().plus(firstDelay(job))))
            .build();
    Trigger existing = scheduler.getTrigger(trigger.getKey());
    if (existing == null) {
      scheduler.scheduleJob(trigger);
    } else if (!sameSchedule(existing, job)) {
      // Replacing a trigger another instance has acquired can let both fire the job (Quartz
      // #1287): only a changed schedule is worth it. ExclusiveRuns covers what remains.
      scheduler.rescheduleJob(trigger.getKey(), trigger);
      log.info("Job {} has a new schedule ({})", job.name(), job.schedule());
    }
    if (paused) {
      scheduler.pauseJob(detail.getKey());
      log.info("Job {} stays paused ({})", job.name(), job.schedule());
    } else {
      log.info("Scheduled job {} ({})", job.name(), job.schedule());
      if (job.runAtStartup()) {
        runNow.add(detail.getKey());
      }
    }
  }

  private interface SchedulerCall {
    void run() throws SchedulerException;
  }

  private void inTransaction(SchedulerCall call) throws SchedulerException {
    try {
      transaction.executeWithoutResult(
          status -> {
            try {
              call.run();
            } catch (SchedulerException e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SchedulerException scheduling) {
        throw scheduling;
      }
      throw e;
    }
  }

  /** Interval jobs first fire one interval from now (a start-up run is triggered separately). */
  private static Duration firstDelay(JobDefinition job) {
    return job.isCron() || job.interval() == null ? Duration.ZERO : job.interval();
  }

  private static boolean sameSchedule(Trigger existing, JobDefinition job) {
    if (existing instanceof CronTrigger current) {
      return job.isCron() && current.getCronExpression().equals(job.cron());
    }
    return !job.isCron()
        && existing instanceof SimpleTrigger current
        && current.getRepeatInterval() == job.interval().toMillis();
  }

  private static ScheduleBuilder<? extends Trigger> schedule(JobDefinition job) {
    if (job.isCron()) {
      return CronScheduleBuilder.cronSchedule(job.cron())
          .withMisfireHandlingInstructionFireAndProceed();
    }
    return SimpleScheduleBuilder.simpleSchedule()
        .withIntervalInMilliseconds(job.interval().toMillis())
        .repeatForever()
        .withMisfireHandlingInstructionNextWithRemainingCount();
  }

  public List<JobDefinition> definitions() {
    return List.copyOf(definitions.values());
  }

  public Optional<JobDefinition> definition(String name) {
    return Optional.ofNullable(definitions.get(name));
  }

  public boolean paused(String name) throws SchedulerException {
    TriggerKey key = TriggerKey.triggerKey(name);
    return scheduler.checkExists(key)
        && scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED;
  }

  public Optional<Trigger> trigger(String name) throws SchedulerException {
    return Optional.ofNullable(scheduler.getTrigger(TriggerKey.triggerKey(name)));
  }

  public void trigger(JobDefinition job) throws SchedulerException {
    inTransaction(() -> scheduler.triggerJob(JobKey.jobKey(job.name())));
  }

  public void pause(JobDefinition job) throws SchedulerException {
    inTransaction(() -> scheduler.pauseJob(JobKey.jobKey(job.name())));
  }

  public void resume(JobDefinition job) throws SchedulerException {
    inTransaction(() -> scheduler.resumeJob(JobKey.jobKey(job.name())));
  }
}
