package io.catscores.syncronizer.control;

import io.catscores.syncronizer.jobs.ExclusiveRuns;
import io.catscores.syncronizer.jobs.JobDefinition;
import io.catscores.syncronizer.jobs.ScheduledJobs;
import io.catscores.syncronizer.jobs.SyncRuns;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of the scheduled jobs and their commands. Reads are open; trigger, pause and
 * resume need the admin token ({@link AdminTokenInterceptor}).
 */
@RestController
@RequestMapping(JobsController.BASE)
class JobsController {

  static final String BASE = "/api/v1/sync";
  private static final int MAX_LIMIT = 500;

  private final ScheduledJobs jobs;
  private final SyncRuns runs;
  private final CircuitBreakerRegistry breakers;
  private final ExclusiveRuns exclusive;

  JobsController(
      ScheduledJobs jobs, SyncRuns runs, CircuitBreakerRegistry breakers, ExclusiveRuns exclusive) {
    this.jobs = jobs;
    this.runs = runs;
    this.breakers = breakers;
    this.exclusive = exclusive;
  }

  /**
   * @param state {@code running} (scheduled) or {@code paused}
   * @param executing whether a run of the job is in progress now, on any instance
   * @param breaker the source's circuit breaker state (CLOSED, OPEN, HALF_OPEN), if it has one
   */
  record JobView(
      String name,
      String description,
      String source,
      String schedule,
      String state,
      boolean executing,
      Instant nextFireTime,
      Instant previousFireTime,
      SyncRuns.Run lastRun,
      String breaker) {}

  @GetMapping("/jobs")
  List<JobView> jobs() throws SchedulerException, SQLException {
    List<JobView> views = new ArrayList<>();
    for (JobDefinition job : jobs.definitions()) {
      views.add(view(job));
    }
    return views;
  }

  @GetMapping("/jobs/{job}")
  JobView job(@PathVariable String job) throws SchedulerException, SQLException {
    return view(known(job));
  }

  @GetMapping("/runs")
  List<SyncRuns.Run> runs(
      @RequestParam(required = false) String job, @RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw problem(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
    }
    if (job != null && jobs.definition(job).isEmpty()) {
      throw problem(HttpStatus.BAD_REQUEST, "Unknown job '" + job + "'; see GET " + BASE + "/jobs");
    }
    return runs.recent(job, limit);
  }

  @PostMapping("/jobs/{job}/trigger")
  ResponseEntity<JobView> trigger(@PathVariable String job)
      throws SchedulerException, SQLException {
    JobDefinition definition = known(job);
    jobs.trigger(definition);
    return ResponseEntity.accepted().body(view(definition));
  }

  @PostMapping("/jobs/{job}/pause")
  JobView pause(@PathVariable String job) throws SchedulerException, SQLException {
    JobDefinition definition = known(job);
    jobs.pause(definition);
    return view(definition);
  }

  @PostMapping("/jobs/{job}/resume")
  JobView resume(@PathVariable String job) throws SchedulerException, SQLException {
    JobDefinition definition = known(job);
    jobs.resume(definition);
    return view(definition);
  }

  private JobDefinition known(String job) {
    return jobs.definition(job)
        .orElseThrow(
            () ->
                problem(
                    HttpStatus.NOT_FOUND, "No job named '" + job + "'; see GET " + BASE + "/jobs"));
  }

  private JobView view(JobDefinition job) throws SchedulerException, SQLException {
    Trigger trigger = jobs.trigger(job.name()).orElse(null);
    List<SyncRuns.Run> last = runs.recent(job.name(), 1);
    String breaker =
        job.source() == null
            ? null
            : breakers
                .find(job.source())
                .map(CircuitBreaker::getState)
                .map(Enum::name)
                .orElse("CLOSED");
    return new JobView(
        job.name(),
        job.description(),
        job.source(),
        job.schedule(),
        jobs.paused(job.name()) ? "paused" : "running",
        exclusive.running(job.name()),
        instant(trigger == null ? null : trigger.getNextFireTime()),
        instant(trigger == null ? null : trigger.getPreviousFireTime()),
        last.isEmpty() ? null : last.get(0),
        breaker);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
