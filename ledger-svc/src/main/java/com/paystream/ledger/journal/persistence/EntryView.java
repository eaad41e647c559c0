package com.paystream.ledger.journal.persistence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A stored journal entry with its postings, as the API shows it (amounts in minor units). {@code
 * traceId} is the trace id of the message (or request) that caused the entry: empty when it came
 * without one, and for entries booked before the ledger recorded it.
 */
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
    @Schema(
            description =
                "Trace id of the message or HTTP request that caused the entry: a W3C trace id"
                    + " (32 lowercase hex digits), or an envelope's trace id as the message"
                    + " carried it. Always present; empty when the cause carried no trace and for"
                    + " entries booked before the ledger recorded trace ids (not part of the"
                    + " entry's hash).",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String traceId,
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
