package com.paystream.ledger.booking.persistence;

import com.paystream.ledger.journal.Refusal;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a write the database refused (the data is wrong: the same statement fails again whatever
 * the retries) from an outage or conflict that a retry can cure. Anything not known to be a refusal
 * counts as transient: stalling the consumer on an unknown error is visible and safe,
 * dead-lettering a good callback is neither.
 */
public final class DatabaseRefusal {

  private DatabaseRefusal() {}

  /** The refusal when {@code failure} is the database rejecting the data, else empty. */
  public static Optional<Refusal> of(Throwable failure) {
    SQLException sql = sqlException(failure);
    if (sql == null || sql.getSQLState() == null) {
      return Optional.empty();
    }
    String state = sql.getSQLState();
    String code;
    if (state.equals("LD002") || state.equals("LD003")) {
      code = Refusal.UNBALANCED;
    } else if (state.equals("23514") && String.valueOf(sql.getMessage()).contains("overdraft")) {
      code = Refusal.INSUFFICIENT_FUNDS;
    } else if (state.startsWith("LD") || state.startsWith("22") || state.startsWith("23")) {
      code = Refusal.DATABASE_REFUSED;
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(code, "database refused the write (" + state + "): " + firstLine(sql)));
  }

  /**
   * A unique or exclusion violation: typically a concurrent writer (a rebalanced consumer) applied
   * the same record first; applying again reads its result instead.
   */
  public static boolean isConflict(Throwable failure) {
    SQLException sql = sqlException(failure);
    return sql != null && "23505".equals(sql.getSQLState());
  }

  private static SQLException sqlException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static String firstLine(SQLException sql) {
    String message = String.valueOf(sql.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
