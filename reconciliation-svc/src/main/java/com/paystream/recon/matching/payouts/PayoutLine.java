package com.paystream.recon.matching.payouts;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.Direction;
import com.paystream.recon.matching.StatementKind;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A statement line that names a payout: a line of a provider's payout report (its payments,
 * refunds, fees, chargebacks and the PAYOUT line itself) or a line of our bank account moving the
 * payout's money (or a merchant payout's).
 *
 * @param paymentReference the payment a report line is about; null when it names none
 * @param bank true for a line of our bank account (the statement names no provider), false for a
 *     line of the provider's payout report
 * @param bookingDate the date the statement booked the line (a report's business date)
 * @param valueDate the value date the statement gives, else the booking date; on a report's PAYOUT
 *     line the day the provider says the money reaches our bank
 */
public record PayoutLine(
    String payoutReference,
    String paymentReference,
    boolean bank,
    StatementKind kind,
    String statementId,
    String lineId,
    Direction direction,
    Money amount,
    LocalDate bookingDate,
    LocalDate valueDate,
    String provider,
    String causationId,
    String traceId) {

  /** Merchant payouts are issued by the ledger with ids of this prefix. */
  public static final String MERCHANT_PAYOUT_PREFIX = "mpo_";

  public PayoutLine {
    Objects.requireNonNull(payoutReference, "payoutReference");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(statementId, "statementId");
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(bookingDate, "bookingDate");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("amount must be positive, was " + amount);
    }
    valueDate = valueDate == null ? bookingDate : valueDate;
    causationId = causationId == null ? "" : causationId;
    traceId = traceId == null ? "" : traceId;
  }

  /** Unique per line; the same identity arriving again is a re-delivery. */
  public String identity() {
    return "S|" + statementId + "|" + lineId;
  }

  /** Money towards us (positive) or away from us (negative), as the line's statement sees it. */
  public Money signed() {
    return direction == Direction.CREDIT ? amount : amount.negate();
  }

  public boolean merchantPayout() {
    return payoutReference.startsWith(MERCHANT_PAYOUT_PREFIX);
  }

  /** The report's PAYOUT line, which gives the payout's net. */
  public boolean payoutLine() {
    return !bank && kind == StatementKind.PAYOUT;
  }

  /**
   * A report line leg B matches against the ledger: a payment, refund or chargeback naming a
   * payment. Fees are the provider's expense, booked at settlement, never on provider clearing.
   */
  public boolean namesPayment() {
    return !bank
        && paymentReference != null
        && !paymentReference.isBlank()
        && (kind == StatementKind.PAYMENT
            || kind == StatementKind.REFUND
            || kind == StatementKind.CHARGEBACK);
  }
}
