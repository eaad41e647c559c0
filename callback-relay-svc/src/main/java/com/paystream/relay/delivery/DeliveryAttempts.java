package com.paystream.relay.delivery;

import com.paystream.platform.outbox.OutboxRecord;
import com.paystream.platform.outbox.PublishObserver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes each publication and dead-lettering into {@code relay.delivery_attempt} inside the
 * publisher's batch transaction (one multi-row statement per batch), then hands the batch on to the
 * metrics. Inside the transaction, the history can never claim a publication whose delivery state
 * was rolled back, nor miss one that committed.
 */
public final class DeliveryAttempts implements PublishObserver {

  private static final String INSERT_SQL =
      "insert into relay.delivery_attempt (message_id, attempt, outcome)"
          + " select * from unnest(?::uuid[], ?::int[], ?::text[])";

  private final PublishObserver next;

  public DeliveryAttempts(PublishObserver next) {
    this.next = next;
  }

  @Override
  public void beforeCommit(
      Connection connection, List<OutboxRecord> published, List<OutboxRecord> deadLettered)
      throws SQLException {
    int size = published.size() + deadLettered.size();
    if (size == 0) {
      return;
    }
    Object[] ids = new Object[size];
    Object[] attempts = new Object[size];
    Object[] outcomes = new Object[size];
    int i = 0;
    for (OutboxRecord row : published) {
      ids[i] = row.messageId();
      attempts[i] = row.attempts() + 1;
      outcomes[i++] = "PUBLISHED";
    }
    for (OutboxRecord row : deadLettered) {
      ids[i] = row.messageId();
      // The dead letter follows the last publication; it is not a publication of the message.
      attempts[i] = Math.max(1, row.attempts());
      outcomes[i++] = "DEAD_LETTERED";
    }
    try (PreparedStatement st = connection.prepareStatement(INSERT_SQL)) {
      st.setArray(1, connection.createArrayOf("uuid", ids));
      st.setArray(2, connection.createArrayOf("int4", attempts));
      st.setArray(3, connection.createArrayOf("text", outcomes));
      st.executeUpdate();
    }
    next.beforeCommit(connection, published, deadLettered);
  }

  @Override
  public void published(List<OutboxRecord> rows) {
    next.published(rows);
  }

  @Override
  public void deadLettered(List<OutboxRecord> rows) {
    next.deadLettered(rows);
  }

  @Override
  public void failed(Exception cause) {
    next.failed(cause);
  }
}
