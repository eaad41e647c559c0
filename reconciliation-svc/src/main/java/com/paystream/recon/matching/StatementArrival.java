package com.paystream.recon.matching;

import com.paystream.platform.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A statement line. On a statement of our account at the provider, CREDIT is money the provider
 * collected for us.
 *
 * @param businessDate the booking date (or value date) the statement gives, never a Kafka time
 */
public record StatementArrival(
    String reference,
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
    Objects.requireNonNull(statementId, "statementId");
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(businessDate, "businessDate");
    Objects.requireNonNull(amount, "amount");
    Amounts.requirePositive(amount);
    traceId = traceId == null ? "" : traceId;
    causationId = causationId == null ? "" : causationId;
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
