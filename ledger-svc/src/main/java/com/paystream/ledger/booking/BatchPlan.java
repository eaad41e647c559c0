package com.paystream.ledger.booking;

import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.payments.PaymentPosition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one batch writes, computed before anything is written: the outcome of every record in
 * order, the entries booked, the final state of each account touched (written once per batch) and
 * the payment positions that changed.
 */
public record BatchPlan(
    Instant bookedAt,
    LocalDate effectiveDate,
    List<AppliedRecord> applied,
    List<BookedEntry> entries,
    List<AccountState> changedAccounts,
    List<PaymentPosition> changedPositions) {

  public BatchPlan {
    applied = List.copyOf(applied);
    entries = List.copyOf(entries);
    changedAccounts = List.copyOf(changedAccounts);
    changedPositions = List.copyOf(changedPositions);
  }

  /** Records applied for the first time (every outcome but a duplicate). */
  public List<AppliedRecord> firstTime() {
    return applied.stream().filter(a -> !(a.outcome() instanceof Outcome.Duplicate)).toList();
  }
}
