package io.catscores.syncronizer.scores;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the drain job with the (clustered) Quartz scheduler unless scores.scheduled=false. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "scores.scheduled", havingValue = "true", matchIfMissing = true)
class ScoreDrainSchedule {

  @Bean
  JobDetail scoreDrainJob() {
    return JobBuilder.newJob(ScoreDrainJob.class)
        .withIdentity(ScoreDrainJob.NAME)
        .withDescription("Drain the badge score stream into PostgreSQL")
        .storeDurably()
        .build();
  }

  @Bean
  Trigger scoreDrainTrigger(JobDetail scoreDrainJob, ScoreQueueProperties queue) {
    return TriggerBuilder.newTrigger()
        .forJob(scoreDrainJob)
        .withIdentity(ScoreDrainJob.NAME)
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(queue.drainInterval().toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount())
        .startNow()
        .build();
  }
}
