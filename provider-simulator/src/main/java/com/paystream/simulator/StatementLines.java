package com.paystream.simulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider's books: every money movement (a payment received, a refund paid out) as a line of
 * its statement, booked on the UTC date of the payment's last change.
 */
final class StatementLines {

  private final String providerName;
  private final List<StatementEntry> lines = new ArrayList<>();

  /**
   * @param providerName the provider's name on its statement (the gateway's name for it)
   */
  StatementLines(String providerName) {
    this.providerName = providerName;
  }

  /** Books {@code amountMinor} of the payment under {@code providerReference}. */
  void book(SimulatedPayment payment, String providerReference, long amountMinor, boolean refund) {
    StatementEntry entry =
        new StatementEntry(
            LocalDate.ofInstant(payment.updatedAt(), ZoneOffset.UTC),
            providerReference,
            payment.paymentId(),
            payment.currency(),
            amountMinor,
            refund ? StatementEntry.Kind.REFUND : StatementEntry.Kind.PAYMENT);
    synchronized (lines) {
      lines.add(entry);
    }
  }

  /** Every line booked so far, in booking order. */
  List<StatementEntry> booked() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** The statement of one business date (UTC): the lines booked on it, in booking order. */
  ProviderStatement statement(LocalDate businessDate) {
    List<StatementEntry> entries = booked();
    return new ProviderStatement(
        providerName,
        businessDate,
        entries.stream().filter(entry -> entry.bookingDate().equals(businessDate)).toList());
  }
}
