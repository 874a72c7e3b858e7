package io.catscores.syncronizer.scores;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The threads that write score batches to PostgreSQL at once ({@code scores.writers}). */
final class ScoreWriters {

  private final ExecutorService pool;

  ScoreWriters(int writers) {
    this.pool =
        Executors.newFixedThreadPool(
            writers,
            runnable -> {
              Thread thread = new Thread(runnable, "score-writer");
              thread.setDaemon(true);
              return thread;
            });
  }

  Future<ScoreDrain.Result> submit(Callable<ScoreDrain.Result> write) {
    return pool.submit(write);
  }

  /** Lets the writes under way finish, then ends the threads. */
  void shutdown() throws InterruptedException {
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);
  }

  /** Waits for every write; returns their sum, or throws the first failure once all are done. */
  static ScoreDrain.Result awaitAll(List<Future<ScoreDrain.Result>> writes) throws SQLException {
    ScoreDrain.Result total = new ScoreDrain.Result(0, 0, 0, 0);
    Throwable failure = null;
    for (Future<ScoreDrain.Result> write : writes) {
      try {
        total = total.plus(write.get());
      } catch (ExecutionException e) {
        failure = failure == null ? e.getCause() : failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = failure == null ? e : failure;
      }
    }
    if (failure instanceof SQLException sql) {
      throw sql;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure != null) {
      throw new IllegalStateException("Score write failed", failure);
    }
    return total;
  }
}
