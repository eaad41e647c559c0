package com.paystream.simulator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The provider's books and payouts without the HTTP API: payments and refunds booked on dates the
 * caller chooses, paid out and put on our bank's statement by the same parts as {@link
 * ProviderSimulator} ({@link Payouts}, {@link Bank}), under the same seed, schedule and faults.
 *
 * <p>For tests that walk through many business days in a moment (the simulator books on the wall
 * clock's date, through HTTP and webhooks). Not thread-safe.
 */
public final class ProviderBooks {

  private final String providerName;
  private final StatementLines lines;
  private final Payouts payouts;
  private final Bank bank;
  private final Map<String, SimulatedPayment> payments = new HashMap<>();
  private int movements;

  /**
   * @param providerName the provider's name on its reports (the gateway's name for it)
   * @param seed the seed of the payout faults, as {@link ProviderSimulator}'s
   */
  public ProviderBooks(String providerName, long seed) {
    this.providerName = Objects.requireNonNull(providerName, "providerName");
    this.lines = new StatementLines(providerName);
    this.payouts = new Payouts(providerName, lines, seed);
    this.bank = new Bank(payouts);
  }

  /**
   * A succeeded payment of ours ({@code paymentId}) booked on {@code bookingDate}.
   *
   * @throws IllegalArgumentException for a payment id already booked or an amount not positive
   */
  public void payment(LocalDate bookingDate, String paymentId, String currency, long amountMinor) {
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("a payment's amount is positive, not " + amountMinor);
    }
    if (payments.containsKey(paymentId)) {
      throw new IllegalArgumentException("payment " + paymentId + " is already booked");
    }
    java.util.Currency.getInstance(currency);
    movements++;
    SimulatedPayment payment =
        new SimulatedPayment(
            "psp_" + movements,
            paymentId,
            "m-1",
            amountMinor,
            currency,
            "SUCCEEDED",
            2,
            noon(bookingDate));
    payments.put(paymentId, payment);
    lines.book(payment, payment.id(), amountMinor, false);
  }

  /**
   * A refund of {@code amountMinor} of a booked payment, booked on {@code bookingDate}.
   *
   * @throws IllegalArgumentException for an unknown payment or an amount not positive
   */
  public void refund(LocalDate bookingDate, String paymentId, long amountMinor) {
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("a refund's amount is positive, not " + amountMinor);
    }
    SimulatedPayment payment = payments.get(paymentId);
    if (payment == null) {
      throw new IllegalArgumentException("no payment " + paymentId + " to refund");
    }
    movements++;
    lines.book(
        payment.withStatus("SUCCEEDED", noon(bookingDate)), "re_" + movements, amountMinor, true);
  }

  /** When the provider pays out; {@link PayoutSchedule#WEEKDAYS} by default. */
  public void payoutSchedule(PayoutSchedule schedule) {
    payouts.schedule(schedule);
  }

  /** What goes wrong with payouts; {@link PayoutFaults#NONE} by default. */
  public void payoutFaults(PayoutFaults faults) {
    payouts.faults(faults);
  }

  /** The payout report of a business date, as {@link ProviderSimulator#payouts}. */
  public PayoutReport payouts(LocalDate businessDate) {
    return new PayoutReport(businessDate, payouts.of(businessDate));
  }

  /** Our bank's statement of a booking date, as {@link ProviderSimulator#bankStatement}. */
  public BankStatement bankStatement(LocalDate bookingDate) {
    return bank.statement(bookingDate);
  }

  /** The payout reference of a currency's payout of a business date. */
  public String payoutReference(String currency, LocalDate businessDate) {
    return Payout.reference(providerName, currency, businessDate);
  }

  private static java.time.Instant noon(LocalDate date) {
    return date.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
  }
}
