package com.paystream.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's wake-up channel: every commit that adds outbox rows raises {@code NOTIFY outbox} (an
 * insert trigger of the outbox migrations), and a publisher waits on a connection that listens to
 * it, with its poll interval as the fallback.
 */
final class OutboxChannel {

  private static final Logger log = LoggerFactory.getLogger(OutboxChannel.class);

  private OutboxChannel() {}

  /**
   * A connection of its own (autocommit) listening on the channel, after running {@code
   * sessionStatements} on it.
   */
  static Connection listen(DataSource dataSource, String... sessionStatements) throws SQLException {
    Connection connection = dataSource.getConnection();
    try (var st = connection.createStatement()) {
      connection.setAutoCommit(true);
      st.execute("listen outbox");
      for (String statement : sessionStatements) {
        st.execute(statement);
      }
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * Returns on the first notifications or after {@code pollInterval}, whichever comes first; what
   * arrived (empty after the interval).
   */
  static List<PGNotification> await(Connection listener, Duration pollInterval)
      throws SQLException {
    PGNotification[] received =
        listener
            .unwrap(PGConnection.class)
            .getNotifications((int) Math.max(1, pollInterval.toMillis()));
    return received == null ? List.of() : List.of(received);
  }

  static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("closing the listen connection failed", e);
    }
  }
}
