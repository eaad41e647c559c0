package com.paystream.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Outbox rows claimed and marked in one transaction per batch: {@link OutboxPublisher} claims a
 * batch, sends it, has its new delivery state written while the broker acknowledges, and commits
 * only after the last acknowledgement. A crash before the commit leaves the rows due.
 */
public interface OutboxClaims<C extends OutboxClaims.Claim> {

  /** What one claim found, split by what happens to it. */
  interface Claim {

    /** Rows to publish (again). */
    List<OutboxRecord> toPublish();

    /** Rows whose schedule ran out: their dead letters are published instead. */
    default List<OutboxRecord> exhausted() {
      return List.of();
    }

    /** Every row the claim handles, including any settled without a record. */
    default int size() {
      return toPublish().size() + exhausted().size();
    }
  }

  /**
   * Claims at most {@code batchSize} due rows inside the batch transaction; null or empty when none
   * is due or another publisher holds them.
   */
  C claim(Connection transaction, int batchSize) throws SQLException;

  /**
   * Writes the claim's new delivery state (and any history) inside the batch transaction, while the
   * broker acknowledges; it commits with the batch or rolls back with it.
   */
  void mark(Connection transaction, C claim) throws SQLException;
}
