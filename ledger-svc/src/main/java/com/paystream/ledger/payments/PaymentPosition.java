package com.paystream.ledger.payments;

import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

/**
 * What the ledger has booked for one payment: gross amount, fee, how much was refunded, and the
 * entry that currently books it (the original, or the latest amendment). Derived from the journal
 * and kept beside it in the same transaction.
 */
public record PaymentPosition(
    String paymentId,
    String merchantId,
    String provider,
    Currency currency,
    long grossMinor,
    long feeMinor,
    long refundedMinor,
    UUID bookingEntryId,
    State state) {

  /** BOOKED: money moved; REVERSED: a cancellation or amendment took all of it back. */
  public enum State {
    BOOKED,
    REVERSED
  }

  public PaymentPosition {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(bookingEntryId, "bookingEntryId");
    Objects.requireNonNull(state, "state");
    if (grossMinor <= 0 || feeMinor < 0 || feeMinor > grossMinor) {
      throw new IllegalArgumentException(
          "position of " + paymentId + ": gross " + grossMinor + ", fee " + feeMinor);
    }
    if (refundedMinor < 0 || refundedMinor > grossMinor) {
      throw new IllegalArgumentException(
          "position of " + paymentId + ": refunded " + refundedMinor + " of " + grossMinor);
    }
  }

  public long refundableMinor() {
    return state == State.BOOKED ? grossMinor - refundedMinor : 0;
  }
}
