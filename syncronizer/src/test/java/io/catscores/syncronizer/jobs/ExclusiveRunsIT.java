package io.catscores.syncronizer.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catscores.devstack.SharedServers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The cluster-wide run lock on a real PostgreSQL: one run per job at a time, released always. */
class ExclusiveRunsIT {

  private final ExclusiveRuns exclusive =
      new ExclusiveRuns(
          new DriverManagerDataSource(SharedServers.freshDatabase("exclusive"), "postgres", ""));

  @Test
  void aSecondRunOfTheSameJobIsSkippedWhileTheFirstHoldsTheLock() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return exclusive.runAlone(
                    "job-a",
                    () -> {
                      started.countDown();
                      release.await();
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicInteger ran = new AtomicInteger();

    assertThat(exclusive.running("job-a")).isTrue();
    assertThat(exclusive.runAlone("job-a", ran::incrementAndGet)).isFalse();
    assertThat(exclusive.runAlone("job-b", ran::incrementAndGet)).isTrue();
    assertThat(ran).hasValue(1); // only job-b's run
    assertThat(exclusive.running("job-b")).isFalse();

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(exclusive.running("job-a")).isFalse();
    assertThat(exclusive.runAlone("job-a", ran::incrementAndGet)).isTrue();
    assertThat(ran).hasValue(2);
  }

  @Test
  void aRunThatFailsReleasesTheLock() throws Exception {
    assertThatThrownBy(
            () ->
                exclusive.runAlone(
                    "job-c",
                    () -> {
                      throw new IllegalStateException("upstream exploded");
                    }))
        .hasMessage("upstream exploded");

    assertThat(exclusive.running("job-c")).isFalse();
    assertThat(exclusive.runAlone("job-c", () -> {})).isTrue();
  }
}
