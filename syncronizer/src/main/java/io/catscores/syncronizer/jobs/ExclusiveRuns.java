package io.catscores.syncronizer.jobs;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Cluster-wide mutual exclusion for job runs: a run holds a PostgreSQL advisory lock named after
 * its job for as long as it lasts, and a run that cannot take the lock is skipped.
 *
 * <p>Why, on top of Quartz's {@code @DisallowConcurrentExecution}: Quartz's clustered JDBC store
 * releases an acquired trigger from BLOCKED back to WAITING while another instance still runs the
 * job (JobStoreSupport.releaseAcquiredTrigger), so a job with two triggers (its schedule plus an
 * operator's or start-up's one-off trigger) can start on a second instance during a run
 * (quartz-scheduler/quartz#674, #1287; ClusteredSchedulingIT saw it in 1 test run in 4).
 *
 * <p>The lock is transaction-scoped on a connection of its own, so it ends with the transaction
 * whatever happens: the run finishing, throwing, or its instance dying (PostgreSQL ends the session
 * and rolls it back).
 */
@Component
public class ExclusiveRuns {

  /** First half of the advisory lock key: keeps job locks apart from any other advisory lock. */
  private static final int NAMESPACE = 0x43415453; // "CATS"

  private final DataSource dataSource;
  private final Tracer tracer;

  /** For tests that need no trace ids. */
  ExclusiveRuns(DataSource dataSource) {
    this(dataSource, Tracer.NOOP);
  }

  @Autowired
  ExclusiveRuns(DataSource dataSource, ObjectProvider<Tracer> tracer) {
    this(dataSource, tracer.getIfAvailable(() -> Tracer.NOOP));
  }

  private ExclusiveRuns(DataSource dataSource, Tracer tracer) {
    this.dataSource = dataSource;
    this.tracer = tracer;
  }

  /** A job's work, which may fail with a checked exception of type {@code E}. */
  public interface Work<E extends Exception> {
    void run() throws E;
  }

  /**
   * Runs {@code work} unless another run of {@code job} holds the lock anywhere in the cluster.
   *
   * @return false when the run was skipped because another one is in progress
   */
  public <E extends Exception> boolean runAlone(String job, Work<E> work) throws E, SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (!tryLock(connection, job)) {
          return false;
        }
        // A span per run: its trace id tags every log line of the run, as requests' lines are.
        Span span = tracer.nextSpan().name(job).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
          work.run();
        } finally {
          span.end();
        }
        return true;
      } finally {
        connection.rollback(); // ends the transaction and with it the lock; nothing else was done
      }
    }
  }

  /** Whether a run of {@code job} holds the lock right now, on any instance. */
  public boolean running(String job) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND classid::bigint = ? AND objid::bigint = (hashtext(?)::bigint & 4294967295)"
                    + " AND objsubid = 2 AND granted)")) {
      query.setLong(1, NAMESPACE & 0xFFFFFFFFL);
      query.setString(2, job);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  private static boolean tryLock(Connection connection, String job) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
      lock.setInt(1, NAMESPACE);
      lock.setString(2, job);
      try (ResultSet row = lock.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }
}
