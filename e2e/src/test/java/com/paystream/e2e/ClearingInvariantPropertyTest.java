package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.paystream.recon.matching.BreakState;
import com.paystream.recon.matching.Outcome;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.Resolutions;
import com.paystream.simulator.Payout;
import com.paystream.simulator.PayoutFault;
import com.paystream.simulator.PayoutFaults;
import com.paystream.simulator.PayoutSchedule;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The clearing invariant of issue 19, across the stages: the provider simulator's payouts and bank
 * statements, reconciliation's parsers and second leg (leg A, per payout), the ledger's posting
 * rules — each stage's own pure logic, no broker, no database ({@link MoneyTrail}).
 *
 * <p>Over random days (QuickTheories) — one to five consecutive days of payments in one to three
 * currencies, some refunded in part or in full, every payout fault at a random rate, a random
 * schedule, tolerance and arrival window, the bank statement before or after the payout report —
 * after every day:
 *
 * <ul>
 *   <li>per currency, provider clearing holds exactly the bookings (payments less refunds) that no
 *       settled payout contained, less the payout lines the books never saw (until an operator
 *       supplements them): 0 for a fully paid-out day, the missing payout's payments while it is
 *       missing;
 *   <li>every currency's accounts sum to zero (debits = credits);
 *   <li>every payout is settled once its bank line arrived — matched, or a short/over break — or,
 *       past its arrival window without one, a PAYOUT_MISSING break; never silently dropped; a late
 *       one ends settled, its missing break closed as a late arrival;
 *   <li>what each settlement moved agrees with the simulator's payout: bank cash the bank amount,
 *       clearing its payments less refunds, suspense its chargebacks plus exactly a short payout's
 *       unexplained difference.
 * </ul>
 *
 * Fixed days, one per fault, show the numbers.
 */
class ClearingInvariantPropertyTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");
  // After the last day of bookings: enough for a Friday's payout to arrive late on the next
  // Tuesday.
  private static final int TRAILING_DAYS = 8;

  // ---------------------------------------------------------------------------------------------
  // The property

  @Test
  void clearingHoldsWhatNoSettledPayoutContainedAndTheBooksBalanceEveryDay() {
    qt().withExamples(200)
        .forAll(
            longs().all(),
            integers().between(1, 5),
            integers().between(0, 12),
            integers().between(0, 60))
        .checkAssert(
            (seed, days, bookingsPerDay, faultPercent) ->
                runDays(seed, days, bookingsPerDay, faultPercent));
  }

  /** Random days of bookings, each followed by its settlement and the checks. */
  private static void runDays(long seed, int days, int bookingsPerDay, int faultPercent) {
    Random random = new Random(seed);
    PayoutSchedule schedule =
        random.nextBoolean() ? PayoutSchedule.WEEKDAYS : PayoutSchedule.EVERY_DAY;
    PayoutFaults faults = PayoutFaults.NONE.shortBy(1 + random.nextInt(500));
    for (PayoutFault fault : PayoutFault.values()) {
      faults = faults.withRate(fault, random.nextInt(faultPercent + 1) / 100.0);
    }
    long tolerance = random.nextBoolean() ? 0 : 1 + random.nextInt(300);
    Duration window = Duration.ofDays(random.nextInt(2));
    List<String> currencies = CURRENCIES.subList(0, 1 + random.nextInt(CURRENCIES.size()));
    boolean recoverLostOrders = random.nextBoolean();
    LocalDate first = MONDAY.plusDays(random.nextInt(7));

    MoneyTrail trail = new MoneyTrail(seed, schedule, faults, MoneyTrail.rules(tolerance, window));
    Map<String, Long> refundable = new LinkedHashMap<>();
    for (int day = 0; day < days + TRAILING_DAYS; day++) {
      LocalDate date = first.plusDays(day);
      if (day < days) {
        book(trail, random, date, bookingsPerDay, currencies, refundable);
      }
      trail.settleDay(date, random.nextBoolean());
      if (recoverLostOrders && random.nextBoolean()) {
        trail.supplementUnknownPayments(date);
      }
      checkClearing(trail);
      checkTrialBalance(trail);
      trail.payouts().values().forEach(payout -> checkPayout(trail, payout, date));
    }
    checkEveryPayoutEnded(trail);
  }

  /** Payments, and refunds (in part or in full) of what earlier payments have left to refund. */
  private static void book(
      MoneyTrail trail,
      Random random,
      LocalDate date,
      int count,
      List<String> currencies,
      Map<String, Long> refundable) {
    for (int i = 0; i < count; i++) {
      List<String> open =
          refundable.entrySet().stream()
              .filter(e -> e.getValue() > 0)
              .map(Map.Entry::getKey)
              .toList();
      if (!open.isEmpty() && random.nextInt(4) == 0) {
        String paymentId = open.get(random.nextInt(open.size()));
        long left = refundable.get(paymentId);
        long amount = random.nextBoolean() ? left : 1 + (long) random.nextInt((int) left);
        trail.refund(date, paymentId, amount);
        refundable.put(paymentId, left - amount);
      } else {
        String paymentId = "pay_" + (refundable.size() + 1);
        long amount = 1 + random.nextInt(100_000);
        trail.pay(date, paymentId, currencies.get(random.nextInt(currencies.size())), amount);
        refundable.put(paymentId, amount);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // One day of each fault, with its numbers: Wednesday 2 December 2026 in EUR, pay_1 10,000 and
  // pay_2 5,050 paid, 1,000 of pay_1 refunded; the provider's fee is 1 % of 15,050 rounded up =
  // 151,
  // so the payout nets 15,050 - 1,000 - 151 = 13,899, due on our bank on Thursday. Before it
  // settles, clearing holds the day's 14,050.

  private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);
  private static final String PAYOUT = "po_sim_EUR_20261202";
  private static final String EUR_CLEARING = "provider-clearing:sim:EUR";

  /** The example day with {@code faults} on its payout, settled through the next Tuesday. */
  private static MoneyTrail exampleDay(Duration window, PayoutFault... faults) {
    MoneyTrail trail =
        new MoneyTrail(
            7,
            PayoutSchedule.WEEKDAYS,
            PayoutFaults.NONE.on(PAYOUT, faults),
            MoneyTrail.rules(0, window));
    trail.pay(WEDNESDAY, "pay_1", "EUR", 10_000);
    trail.pay(WEDNESDAY, "pay_2", "EUR", 5_050);
    trail.refund(WEDNESDAY, "pay_1", 1_000);
    return trail;
  }

  private static MoneyTrail exampleDay(PayoutFault... faults) {
    return exampleDay(Duration.ofDays(1), faults);
  }

  private static void settleThrough(MoneyTrail trail, LocalDate last) {
    for (LocalDate date = WEDNESDAY; !date.isAfter(last); date = date.plusDays(1)) {
      trail.settleDay(date, false);
      checkTrialBalance(trail);
    }
  }

  @Test
  void aPayoutAsAgreedTakesClearingBackToZero() {
    MoneyTrail trail = exampleDay();

    settleThrough(trail, WEDNESDAY);
    assertThat(trail.balance(EUR_CLEARING)).isEqualTo(14_050);
    settleThrough(trail, WEDNESDAY.plusDays(1));

    assertThat(trail.balance(EUR_CLEARING)).isZero();
    assertThat(trail.balance("bank-cash:EUR")).isEqualTo(13_899);
    assertThat(trail.balance("provider-fees:sim:EUR")).isEqualTo(151);
    assertThat(trail.balance("suspense:EUR")).isZero();
    assertThat(trail.results(PAYOUT))
        .extracting(ReconEvent::outcome, ReconEvent::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Outcome.PAYOUT_MATCHED, BreakState.RESOLVED));
  }

  @Test
  void aShortPayoutSettlesAndItsShortfallWaitsInSuspenseAsABreak() {
    MoneyTrail trail = exampleDay(PayoutFault.SHORT);

    settleThrough(trail, WEDNESDAY.plusDays(1));

    // the bank received 13,899 - 100 = 13,799; the 100 nobody explained is suspense's
    assertThat(trail.balance("bank-cash:EUR")).isEqualTo(13_799);
    assertThat(trail.balance("suspense:EUR")).isEqualTo(100);
    assertThat(trail.balance("provider-fees:sim:EUR")).isEqualTo(151);
    assertThat(trail.balance(EUR_CLEARING)).isZero();
    assertThat(trail.settled().get(PAYOUT).order().unexplainedMinor()).isEqualTo(-100);
    assertThat(openOutcomes(trail.results(PAYOUT))).containsExactly(Outcome.PAYOUT_SHORT);
  }

  @Test
  void aShortPayoutWithinTheToleranceIsOneMoreFee() {
    MoneyTrail trail =
        new MoneyTrail(
            7,
            PayoutSchedule.WEEKDAYS,
            PayoutFaults.NONE.on(PAYOUT, PayoutFault.SHORT),
            MoneyTrail.rules(100, Duration.ofDays(1)));
    trail.pay(WEDNESDAY, "pay_1", "EUR", 10_000);
    trail.pay(WEDNESDAY, "pay_2", "EUR", 5_050);
    trail.refund(WEDNESDAY, "pay_1", 1_000);

    settleThrough(trail, WEDNESDAY.plusDays(1));

    assertThat(trail.balance("provider-fees:sim:EUR")).isEqualTo(251);
    assertThat(trail.balance("suspense:EUR")).isZero();
    assertThat(trail.balance(EUR_CLEARING)).isZero();
    assertThat(openOutcomes(trail.results(PAYOUT))).isEmpty();
  }

  @Test
  void aLatePayoutWithinTheArrivalWindowSettlesWithoutABreak() {
    MoneyTrail trail = exampleDay(PayoutFault.LATE);

    settleThrough(trail, WEDNESDAY.plusDays(1));
    assertThat(trail.balance(EUR_CLEARING)).isEqualTo(14_050);
    assertThat(trail.results(PAYOUT)).isEmpty();
    settleThrough(trail, WEDNESDAY.plusDays(2));

    // value date Thursday, on the bank Friday: the last day of a one-day window
    assertThat(trail.balance(EUR_CLEARING)).isZero();
    assertThat(trail.settled().get(PAYOUT).order().valueDate()).isEqualTo(WEDNESDAY.plusDays(2));
    assertThat(trail.results(PAYOUT))
        .extracting(ReconEvent::outcome)
        .containsExactly(Outcome.PAYOUT_MATCHED);
  }

  @Test
  void aLatePayoutAfterTheArrivalWindowIsMissingUntilItComesAndThenSettles() {
    MoneyTrail trail = exampleDay(Duration.ZERO, PayoutFault.LATE);

    settleThrough(trail, WEDNESDAY.plusDays(1));
    assertThat(openOutcomes(trail.results(PAYOUT))).containsExactly(Outcome.PAYOUT_MISSING);
    assertThat(trail.balance(EUR_CLEARING)).isEqualTo(14_050);
    settleThrough(trail, WEDNESDAY.plusDays(2));

    assertThat(trail.balance(EUR_CLEARING)).isZero();
    assertThat(trail.balance("bank-cash:EUR")).isEqualTo(13_899);
    assertThat(openOutcomes(trail.results(PAYOUT))).isEmpty();
    assertThat(trail.results(PAYOUT))
        .extracting(ReconEvent::outcome, ReconEvent::state, ReconEvent::resolution)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Outcome.PAYOUT_MISSING, BreakState.OPEN, null),
            org.assertj.core.groups.Tuple.tuple(
                Outcome.PAYOUT_MISSING, BreakState.RESOLVED, Resolutions.LATE_ARRIVAL));
  }

  @Test
  void aMissingPayoutLeavesItsPaymentsOnClearingAndStaysABreak() {
    MoneyTrail trail = exampleDay(PayoutFault.MISSING);

    settleThrough(trail, WEDNESDAY.plusDays(6));

    assertThat(trail.balance(EUR_CLEARING)).isEqualTo(14_050);
    assertThat(trail.balance("bank-cash:EUR")).isZero();
    assertThat(trail.settled()).isEmpty();
    assertThat(openOutcomes(trail.results(PAYOUT))).containsExactly(Outcome.PAYOUT_MISSING);
  }

  @Test
  void aLineTheBooksNeverSawTakesClearingBelowZeroUntilItIsBooked() {
    MoneyTrail trail = exampleDay(PayoutFault.UNKNOWN_LINE);

    settleThrough(trail, WEDNESDAY.plusDays(1));

    Payout payout = trail.settled().get(PAYOUT).payout();
    long unknown = payout.paymentsMinor() - 15_050;
    assertThat(trail.unknownPaid()).containsOnlyKeys(payout.paymentIds().get(2));
    assertThat(trail.unknownPaid()).containsValue(unknown);
    assertThat(trail.balance(EUR_CLEARING)).isEqualTo(-unknown);
    assertThat(trail.balance("bank-cash:EUR")).isEqualTo(payout.netMinor());
    trail.supplementUnknownPayments(WEDNESDAY.plusDays(2));
    assertThat(trail.balance(EUR_CLEARING)).isZero();
  }

  @Test
  void aChargebackIsPaidOutLessAndWaitsInSuspense() {
    MoneyTrail trail = exampleDay(PayoutFault.CHARGEBACK);

    settleThrough(trail, WEDNESDAY.plusDays(1));

    Payout payout = trail.settled().get(PAYOUT).payout();
    assertThat(payout.chargebacksMinor()).isIn(10_000L, 5_050L);
    assertThat(trail.balance("bank-cash:EUR")).isEqualTo(13_899 - payout.chargebacksMinor());
    assertThat(trail.balance("suspense:EUR")).isEqualTo(payout.chargebacksMinor());
    assertThat(trail.balance(EUR_CLEARING)).isZero();
    assertThat(trail.results(PAYOUT))
        .extracting(ReconEvent::outcome)
        .containsExactly(Outcome.PAYOUT_MATCHED);
  }

  @Test
  void aNegativePayoutDebitsTheBankAndClearsClearing() {
    MoneyTrail trail = exampleDay(PayoutFault.NEGATIVE);

    settleThrough(trail, WEDNESDAY.plusDays(1));

    // pay_1 and pay_2 charged back (15,050): 15,050 - 1,000 - 151 - 15,050 = -1,151
    assertThat(trail.balance("bank-cash:EUR")).isEqualTo(-1_151);
    assertThat(trail.balance("suspense:EUR")).isEqualTo(15_050);
    assertThat(trail.balance("provider-fees:sim:EUR")).isEqualTo(151);
    assertThat(trail.balance(EUR_CLEARING)).isZero();
    assertThat(trail.results(PAYOUT))
        .extracting(ReconEvent::outcome)
        .containsExactly(Outcome.PAYOUT_MATCHED);
  }

  // ---------------------------------------------------------------------------------------------
  // The invariants

  /**
   * Per currency: the bookings whose payout (the one the schedule puts them in) has not settled,
   * less the settled payouts' payment lines the books never saw.
   */
  private static void checkClearing(MoneyTrail trail) {
    Map<String, Long> expected = new LinkedHashMap<>();
    for (MoneyTrail.Booking booking : trail.bookings()) {
      String payout =
          trail.payoutReference(booking.currency(), coveringBusinessDate(trail, booking.date()));
      long notPaidOut = trail.settled().containsKey(payout) ? 0 : booking.signedMinor();
      expected.merge(booking.currency(), notPaidOut, Long::sum);
    }
    trail
        .unknownPaid()
        .forEach(
            (paymentId, amount) ->
                expected.merge(trail.unknownCurrency(paymentId), -amount, Long::sum));
    for (String currency : currencies(trail)) {
      assertThat(trail.balance(clearing(currency)))
          .as(
              "%s with bookings %s and settled %s",
              clearing(currency), trail.bookings(), settled(trail))
          .isEqualTo(expected.getOrDefault(currency, 0L));
    }
  }

  /** The payout of a booking: the business day it falls on, else the next one. */
  private static LocalDate coveringBusinessDate(MoneyTrail trail, LocalDate bookingDate) {
    PayoutSchedule schedule = trail.schedule();
    return schedule.isBusinessDay(bookingDate) ? bookingDate : schedule.next(bookingDate);
  }

  private static void checkTrialBalance(MoneyTrail trail) {
    Map<String, Long> perCurrency = new LinkedHashMap<>();
    trail
        .balances()
        .forEach(
            (account, balance) ->
                perCurrency.merge(
                    account.substring(account.lastIndexOf(':') + 1), balance, Long::sum));
    assertThat(perCurrency.values())
        .as("debits minus credits per currency of %s", trail.balances())
        .allMatch(sum -> sum == 0);
  }

  /** Settled once the bank line came, else missing once the arrival window is over. */
  private static void checkPayout(MoneyTrail trail, Payout payout, LocalDate today) {
    String reference = payout.reference();
    MoneyTrail.Settled settled = trail.settled().get(reference);
    boolean arrived = payout.bankBookingDate().filter(date -> !date.isAfter(today)).isPresent();
    assertThat(settled != null).as("%s settled on %s", payout, today).isEqualTo(arrived);
    LocalDate windowEnd = payout.valueDate().plusDays(trail.rules().arrivalWindow().toDays());
    List<ReconEvent> results = trail.results(reference);
    if (settled == null) {
      assertThat(openOutcomes(results))
          .as("%s on %s: %s", payout, today, results)
          .isEqualTo(windowEnd.isAfter(today) ? List.of() : List.of(Outcome.PAYOUT_MISSING));
      return;
    }
    checkSettlement(trail, payout, settled, results);
    if (payout.bankBookingDate().orElseThrow().isAfter(windowEnd)) {
      assertThat(results)
          .as("%s arrived after its window: %s", payout, results)
          .anyMatch(
              event ->
                  event.outcome() == Outcome.PAYOUT_MISSING
                      && event.state() == BreakState.RESOLVED
                      && Resolutions.LATE_ARRIVAL.equals(event.resolution()));
    }
  }

  /**
   * What reconciliation settled and the ledger booked agrees with the simulator's payout; the
   * difference goes to suspense (a break) or, within the tolerance, to fees (matched).
   */
  private static void checkSettlement(
      MoneyTrail trail, Payout payout, MoneyTrail.Settled settled, List<ReconEvent> results) {
    String currency = payout.currency();
    long difference = payout.bankAmountMinor() - payout.netMinor();
    boolean tolerated = Math.abs(difference) <= trail.rules().toleranceMinor();
    assertThat(settled.order().valueDate()).isEqualTo(payout.bankBookingDate().orElseThrow());
    assertThat(settled.movement("bank-cash:" + currency))
        .as("bank cash of %s", payout)
        .isEqualTo(payout.bankAmountMinor());
    assertThat(settled.movement(clearing(currency)))
        .as("clearing of %s", payout)
        .isEqualTo(payout.refundsMinor() - payout.paymentsMinor());
    assertThat(settled.movement("suspense:" + currency))
        .as("suspense of %s", payout)
        .isEqualTo(payout.chargebacksMinor() - (tolerated ? 0 : difference));
    assertThat(settled.movement("provider-fees:" + MoneyTrail.PROVIDER + ":" + currency))
        .as("fees of %s", payout)
        .isEqualTo(payout.feesMinor() - (tolerated ? difference : 0));
    List<Outcome> open = openOutcomes(results);
    if (tolerated) {
      assertThat(open).as("%s: %s", payout, results).isEmpty();
      assertThat(results)
          .as("%s: %s", payout, results)
          .anyMatch(
              event ->
                  event.state() == BreakState.RESOLVED
                      && (event.outcome() == Outcome.PAYOUT_MATCHED
                          || event.outcome() == Outcome.PAYOUT_MISSING));
    } else {
      assertThat(open)
          .as("%s: %s", payout, results)
          .containsExactly(difference < 0 ? Outcome.PAYOUT_SHORT : Outcome.PAYOUT_OVER);
    }
    if (payout.faults().contains(PayoutFault.SHORT)) {
      assertThat(difference).isNegative();
    }
  }

  /** In the end: every payout settled, but a missing one, which is an open break. */
  private static void checkEveryPayoutEnded(MoneyTrail trail) {
    for (Payout payout : trail.payouts().values()) {
      boolean missing = payout.faults().contains(PayoutFault.MISSING);
      assertThat(trail.settled().containsKey(payout.reference()))
          .as("%s settled", payout)
          .isEqualTo(!missing);
      if (missing) {
        assertThat(openOutcomes(trail.results(payout.reference())))
            .containsExactly(Outcome.PAYOUT_MISSING);
      }
    }
  }

  /** The outcomes of the payout's breaks whose latest result left them open. */
  private static List<Outcome> openOutcomes(List<ReconEvent> results) {
    Map<String, ReconEvent> latest = new LinkedHashMap<>();
    results.forEach(event -> latest.put(event.breakId(), event));
    return latest.values().stream()
        .filter(event -> event.state() == BreakState.OPEN)
        .map(ReconEvent::outcome)
        .toList();
  }

  private static Set<String> currencies(MoneyTrail trail) {
    Set<String> currencies = new TreeSet<>();
    trail.bookings().forEach(booking -> currencies.add(booking.currency()));
    trail.payouts().values().forEach(payout -> currencies.add(payout.currency()));
    return currencies;
  }

  private static List<String> settled(MoneyTrail trail) {
    return new ArrayList<>(trail.settled().keySet());
  }

  private static String clearing(String currency) {
    return "provider-clearing:" + MoneyTrail.PROVIDER + ":" + currency;
  }
}
