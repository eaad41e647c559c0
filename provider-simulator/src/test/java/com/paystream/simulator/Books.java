package com.paystream.simulator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** The provider's books filled directly, payments and refunds on chosen dates, for tests. */
final class Books {

  static final String PROVIDER = "sim";

  final StatementLines lines = new StatementLines(PROVIDER);
  private final Map<String, SimulatedPayment> payments = new HashMap<>();
  private int next;

  /** A payment of {@code amountMinor} booked on {@code date}; answers its payment id. */
  String pay(LocalDate date, String currency, long amountMinor) {
    next++;
    SimulatedPayment payment =
        new SimulatedPayment(
            "psp_" + next,
            "pay-" + next,
            "m-1",
            amountMinor,
            currency,
            "SUCCEEDED",
            2,
            date.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
    payments.put(payment.paymentId(), payment);
    lines.book(payment, payment.id(), amountMinor, false);
    return payment.paymentId();
  }

  /** A refund of {@code amountMinor} of the payment, booked on {@code date}. */
  void refund(LocalDate date, String paymentId, long amountMinor) {
    next++;
    SimulatedPayment payment =
        payments
            .get(paymentId)
            .withStatus("SUCCEEDED", date.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
    lines.book(payment, "re_" + next, amountMinor, true);
  }

  Payouts payouts(long seed) {
    return new Payouts(PROVIDER, lines, seed);
  }
}
