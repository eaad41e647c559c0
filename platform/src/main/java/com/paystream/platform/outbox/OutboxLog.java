package com.paystream.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Outbox rows read as a log through a cursor of type {@code P}, on the leading publisher's session:
 * nothing is written per row, the cursor moves once per batch after the broker acknowledged it.
 * Only the leader reads, so {@link OutboxPublisher} keeps the position in memory between batches
 * and reads the next batch while the broker acknowledges the previous one.
 */
public interface OutboxLog<P> {

  /**
   * A batch read from the log and the cursor positions before and after it. {@code heldBack}: no
   * rows now, but committed rows wait behind a transaction that is still running and must end
   * before the log may move past it; the log can move as soon as it does, which no notification
   * announces.
   */
  record Batch<P>(P before, P after, List<OutboxRecord> rows, boolean heldBack) {

    public Batch(P before, P after, List<OutboxRecord> rows) {
      this(before, after, rows, false);
    }

    /** Nothing to read at {@code position}: caught up, or {@code heldBack}. */
    public static <P> Batch<P> none(P position, boolean heldBack) {
      return new Batch<>(position, position, List.of(), heldBack);
    }
  }

  /** The committed position; null when the log must wait this turn. */
  P position(Connection session) throws SQLException;

  /** The next batch after {@code position}; no rows when the log holds nothing new. */
  Batch<P> next(Connection session, P position, int batchSize) throws SQLException;

  /** Commits the move past {@code batch}, once the broker acknowledged all of it. */
  void advance(Connection session, Batch<P> batch) throws SQLException;
}
