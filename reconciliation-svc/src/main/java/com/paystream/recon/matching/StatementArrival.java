package com.paystream.recon.matching;

import com.paystream.platform.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A statement line. On a statement of our account at the provider, CREDIT is money the provider
 * collected for us.
 *
 * @param reference the unit the line is matched in: its own reference, or {@code unreferenced:…} /
 *     {@code settlement:…} (see the streams mapper)
 * @param ownReference the reference the statement gives the line; null when it gives none
 * @param kind what the statement says the line is
 * @param businessDate the booking date (or value date) the statement gives, never a Kafka time
 */
public record StatementArrival(
    String reference,
    String ownReference,
    StatementKind kind,
    String statementId,
    String lineId,
    Direction direction,
    Money amount,
    LocalDate businessDate,
    String provider,
    String causationId,
    String traceId)
    implements Arrival {

  public StatementArrival {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(statementId, "statementId");
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(businessDate, "businessDate");
    Objects.requireNonNull(amount, "amount");
    Amounts.requirePositive(amount);
    traceId = traceId == null ? "" : traceId;
    causationId = causationId == null ? "" : causationId;
  }

  /** Money that came in as a payment: the only kind of line that can be a lost order. */
  public boolean incomingPayment() {
    return direction == Direction.CREDIT && kind == StatementKind.PAYMENT;
  }

  @Override
  public String identity() {
    return "S|" + statementId + "|" + lineId;
  }

  @Override
  public Money signed() {
    return direction == Direction.CREDIT ? amount : amount.negate();
  }
}
