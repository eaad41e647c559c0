package com.paystream.ledger.journal.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored journal entry with its postings, as the API shows it (amounts in minor units). */
public record EntryView(
    UUID entryId,
    UUID sourceEventId,
    String sourceType,
    String entryType,
    String paymentId,
    LocalDate effectiveDate,
    Instant bookedAt,
    String description,
    UUID reversesEntryId,
    String requestedBy,
    String approvedBy,
    String reason,
    List<PostingView> postings) {

  /** One posting of the entry, with the account's booked balance right after it. */
  public record PostingView(
      int lineNo,
      UUID accountId,
      String accountCode,
      String side,
      long amountMinor,
      String currency,
      long balanceAfterMinor,
      long accountSequence) {}
}
