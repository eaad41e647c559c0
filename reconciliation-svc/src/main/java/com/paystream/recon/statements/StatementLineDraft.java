package com.paystream.recon.statements;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.Direction;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One parsed statement line, before it is registered and published.
 *
 * @param accountReference the account the statement is for, masked (never a full account number)
 * @param provider the provider code on provider statements; null on bank statements
 * @param paymentReference our payment id as the statement carries it; null when it carries none
 * @param kind what the statement says the line is; a parser that cannot tell says {@link
 *     LineKind#PAYMENT} for a credit and {@link LineKind#OTHER} for a debit
 * @param amount positive, in exact minor units
 * @param valueDate null when the statement gives none
 * @param payoutReference the payout the line belongs to ({@code po_…} a provider's, {@code mpo_…} a
 *     merchant's): a payout report's column, or a bank line's reference that matches the payout
 *     pattern ({@link PayoutReferences}); null for any other line
 */
public record StatementLineDraft(
    String statementId,
    String lineId,
    StatementFormat format,
    String accountReference,
    String provider,
    String paymentReference,
    Direction direction,
    LineKind kind,
    Money amount,
    LocalDate bookingDate,
    LocalDate valueDate,
    String description,
    String payoutReference) {

  /** A line of no payout. */
  public StatementLineDraft(
      String statementId,
      String lineId,
      StatementFormat format,
      String accountReference,
      String provider,
      String paymentReference,
      Direction direction,
      LineKind kind,
      Money amount,
      LocalDate bookingDate,
      LocalDate valueDate,
      String description) {
    this(
        statementId,
        lineId,
        format,
        accountReference,
        provider,
        paymentReference,
        direction,
        kind,
        amount,
        bookingDate,
        valueDate,
        description,
        null);
  }

  public StatementLineDraft {
    Objects.requireNonNull(statementId, "statementId");
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(accountReference, "accountReference");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(bookingDate, "bookingDate");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("amount must be positive: " + amount);
    }
    description = description == null ? "" : description;
    if (payoutReference != null && payoutReference.isBlank()) {
      payoutReference = null;
    }
  }

  /** This line as part of the payout {@code reference}, of kind {@code newKind}. */
  public StatementLineDraft inPayout(String reference, LineKind newKind) {
    return new StatementLineDraft(
        statementId,
        lineId,
        format,
        accountReference,
        provider,
        paymentReference,
        direction,
        newKind,
        amount,
        bookingDate,
        valueDate,
        description,
        reference);
  }

  /** The deduplication key: a line with the same identity is never ingested twice. */
  public String identity() {
    return statementId + "/" + lineId;
  }
}
