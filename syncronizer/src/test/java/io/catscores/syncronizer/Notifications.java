package io.catscores.syncronizer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** A session LISTENing to the V8 triggers' channel, as the api does, to see what they send. */
public final class Notifications implements AutoCloseable {

  private final Connection connection;

  public Notifications(DataSource dataSource) throws SQLException {
    this.connection = dataSource.getConnection();
    connection.createStatement().execute("LISTEN catscores_changes");
  }

  /** The payloads received so far (waits up to {@code millis} for the first one). */
  public List<String> received(int millis) throws SQLException {
    List<String> payloads = new ArrayList<>();
    PGNotification[] batch = connection.unwrap(PGConnection.class).getNotifications(millis);
    while (batch != null && batch.length > 0) {
      for (PGNotification notification : batch) {
        payloads.add(notification.getParameter());
      }
      batch = connection.unwrap(PGConnection.class).getNotifications(50);
    }
    return payloads;
  }

  @Override
  public void close() throws SQLException {
    connection.createStatement().execute("UNLISTEN *");
    connection.close();
  }
}
