package com.paystream.ledger.accounts.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A page of an account's cashflow for business dates {@code from}..{@code to}: the balance before
 * the page's first line, its lines in sequence order, and the cursor of the next page (null on the
 * last). Closed dates read the same forever.
 */
public record Statement(
    UUID accountId,
    String currency,
    LocalDate from,
    LocalDate to,
    long openingBalanceMinor,
    List<Line> lines,
    String nextCursor) {

  /** One posting seen from the account. */
  public record Line(
      long sequence,
      UUID entryId,
      String entryType,
      String paymentId,
      String side,
      long amountMinor,
      long balanceAfterMinor,
      LocalDate effectiveDate,
      Instant bookedAt) {}
}
