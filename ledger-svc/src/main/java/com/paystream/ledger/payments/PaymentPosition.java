package com.paystream.ledger.payments;

import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

/**
 * What the ledger has booked for one payment: gross amount, fee, how much was refunded (all in the
 * payment's currency), and the entry that currently books it (the original, or the latest
 * amendment). Derived from the journal and kept beside it in the same transaction.
 */
public record PaymentPosition(
    PaymentId paymentId,
    String merchantId,
    String provider,
    Money gross,
    Money fee,
    Money refunded,
    UUID bookingEntryId,
    State state) {

  /** BOOKED: money moved; REVERSED: a cancellation or amendment took all of it back. */
  public enum State {
    BOOKED,
    REVERSED
  }

  public PaymentPosition {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(gross, "gross");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(refunded, "refunded");
    Objects.requireNonNull(bookingEntryId, "bookingEntryId");
    Objects.requireNonNull(state, "state");
    // compareTo refuses another currency: a position is in one currency.
    if (!gross.isPositive() || fee.isNegative() || fee.compareTo(gross) > 0) {
      throw new IllegalArgumentException(
          "position of " + paymentId + ": gross " + gross + ", fee " + fee);
    }
    if (refunded.isNegative() || refunded.compareTo(gross) > 0) {
      throw new IllegalArgumentException(
          "position of " + paymentId + ": refunded " + refunded + " of " + gross);
    }
  }

  public Currency currency() {
    return gross.currency();
  }

  /** What may still be refunded: nothing once the booking is reversed. */
  public Money refundable() {
    return state == State.BOOKED ? gross.minus(refunded) : Money.zero(currency());
  }

  PaymentPosition withRefunded(Money newRefunded) {
    return new PaymentPosition(
        paymentId, merchantId, provider, gross, fee, newRefunded, bookingEntryId, state);
  }

  PaymentPosition reversedBy(UUID entryId) {
    return new PaymentPosition(
        paymentId, merchantId, provider, gross, fee, refunded, entryId, State.REVERSED);
  }
}
