package com.paystream.ledger.dayclose;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a business date stands. OPEN: it still takes entries. CLOSING: it takes no more entries but
 * its snapshot is not written yet (a close was interrupted; the next run finishes it). CLOSED:
 * snapshot and trial balance are written and never change.
 */
public record DayStatus(
    LocalDate businessDate, State state, Instant closedAt, List<TrialBalanceLine> trialBalance) {

  public enum State {
    OPEN,
    CLOSING,
    CLOSED
  }

  public DayStatus {
    trialBalance = List.copyOf(trialBalance);
  }

  /**
   * Per currency: the debit-normal balances, the credit-normal ones, and their difference, which is
   * zero in balanced books.
   */
  public record TrialBalanceLine(
      String currency,
      long debitBalancesMinor,
      long creditBalancesMinor,
      long imbalanceMinor,
      int accounts) {}
}
