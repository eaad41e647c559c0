package com.paystream.ledger.booking;

import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.journal.ChainSlot;
import com.paystream.ledger.journal.Chains;
import com.paystream.ledger.payments.PaymentPosition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/**
 * Everything one batch writes, computed before anything is written: the outcome of every record in
 * order, the entries booked, the final state of each account touched (written once per batch) and
 * the payment positions that changed. {@code slots} says, per entry in the same order, on which
 * journal chain it goes and the hash of its content (the writer links them in chain order), and
 * {@code traceIds} the trace id of the message that caused it (empty for none): stored with the
 * entry as observability metadata, outside its hashed content.
 */
public record BatchPlan(
    Instant bookedAt,
    LocalDate effectiveDate,
    List<AppliedRecord> applied,
    List<BookedEntry> entries,
    List<AccountState> changedAccounts,
    List<PaymentPosition> changedPositions,
    List<ChainSlot> slots,
    List<String> traceIds) {

  public BatchPlan {
    applied = List.copyOf(applied);
    entries = List.copyOf(entries);
    slots = List.copyOf(slots);
    traceIds = List.copyOf(traceIds);
    if (slots.size() != entries.size()) {
      throw new IllegalArgumentException(
          slots.size() + " chain slots for " + entries.size() + " entries");
    }
    if (traceIds.size() != entries.size()) {
      throw new IllegalArgumentException(
          traceIds.size() + " trace ids for " + entries.size() + " entries");
    }
    changedAccounts = List.copyOf(changedAccounts);
    changedPositions = List.copyOf(changedPositions);
  }

  /** A plan whose entries were caused outside any trace. */
  public BatchPlan(
      Instant bookedAt,
      LocalDate effectiveDate,
      List<AppliedRecord> applied,
      List<BookedEntry> entries,
      List<AccountState> changedAccounts,
      List<PaymentPosition> changedPositions,
      List<ChainSlot> slots) {
    this(
        bookedAt,
        effectiveDate,
        applied,
        entries,
        changedAccounts,
        changedPositions,
        slots,
        Collections.nCopies(entries.size(), ""));
  }

  /**
   * A plan of entries booked over HTTP, in the request's trace ({@code traceId}, empty for none):
   * they all go on the {@link Chains#HTTP} chain.
   */
  public static BatchPlan overHttp(
      Instant bookedAt,
      LocalDate effectiveDate,
      List<BookedEntry> entries,
      List<AccountState> changedAccounts,
      String traceId) {
    return new BatchPlan(
        bookedAt,
        effectiveDate,
        List.of(),
        entries,
        changedAccounts,
        List.of(),
        entries.stream().map(e -> ChainSlot.of(Chains.HTTP, e)).toList(),
        Collections.nCopies(entries.size(), traceId == null ? "" : traceId));
  }

  /** Records applied for the first time (every outcome but a duplicate), parked ones included. */
  public List<AppliedRecord> firstTime() {
    return applied.stream().filter(a -> !(a.outcome() instanceof Outcome.Duplicate)).toList();
  }

  /** Records that leave a dedupe record: every first-time outcome but a parked command. */
  public List<AppliedRecord> processed() {
    return firstTime().stream().filter(a -> !(a.outcome() instanceof Outcome.Parked)).toList();
  }

  /** Commands parked until their payment is booked. */
  public List<AppliedRecord> parked() {
    return applied.stream().filter(a -> a.outcome() instanceof Outcome.Parked).toList();
  }
}
