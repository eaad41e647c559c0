package com.paystream.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Hook for metrics: told what each committed batch published and dead-lettered. */
public interface PublishObserver {

  PublishObserver NONE = new PublishObserver() {};

  /**
   * Called inside the batch's transaction before commit, while the broker is acknowledging the
   * batch (the transaction commits only once every record is acknowledged), so that whatever the
   * observer writes (e.g. an attempt history) commits or rolls back with the new delivery state. An
   * exception rolls the batch back; the rows stay due.
   */
  default void beforeCommit(
      Connection connection, List<OutboxRecord> published, List<OutboxRecord> deadLettered)
      throws SQLException {}

  /** Rows the broker acknowledged and whose new delivery state is committed. */
  default void published(List<OutboxRecord> rows) {}

  /** Rows that exhausted their schedule and were dead-lettered. */
  default void deadLettered(List<OutboxRecord> rows) {}

  /** A batch failed and was rolled back; its rows stay due. */
  default void failed(Exception cause) {}
}
