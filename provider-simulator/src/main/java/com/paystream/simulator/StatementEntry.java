package com.paystream.simulator;

import java.time.LocalDate;

/**
 * One money movement on the provider's books: a payment received (credit), a refund paid out, a
 * chargeback, the provider's fee or its payout to us (debits). Ids are ours and never contain
 * commas or slashes.
 *
 * @param reference the payment id (of the payment refunded or charged back too), or the
 *     settlement's own reference for a fee or payout; null when the line names no payment
 */
record StatementEntry(
    LocalDate bookingDate,
    String providerReference,
    String reference,
    String currency,
    long amountMinor,
    Kind kind) {

  /** What the line is, as the provider's statement says it (the CSV's {@code kind} column). */
  enum Kind {
    PAYMENT,
    REFUND,
    FEE,
    /** A payment the customer disputed, taken back by the provider (payout reports only). */
    CHARGEBACK,
    PAYOUT;

    /** Money leaving the provider's account: everything but a payment received. */
    boolean debit() {
      return this != PAYMENT;
    }
  }

  /** The signed effect on the provider's balance. */
  long signedMinor() {
    return kind.debit() ? -amountMinor : amountMinor;
  }
}
