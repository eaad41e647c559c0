package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The payout arithmetic, the schedule and each payout fault. */
class PayoutsTest {

  private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);
  private static final LocalDate THURSDAY = WEDNESDAY.plusDays(1);
  private static final LocalDate FRIDAY = WEDNESDAY.plusDays(2);
  private static final LocalDate SATURDAY = WEDNESDAY.plusDays(3);
  private static final LocalDate SUNDAY = WEDNESDAY.plusDays(4);
  private static final LocalDate MONDAY = WEDNESDAY.plusDays(5);
  private static final LocalDate TUESDAY = WEDNESDAY.plusDays(6);

  private final Books books = new Books();
  private final Payouts payouts = books.payouts(7);

  @Test
  void aPayoutIsThePaymentsLessRefundsLessTheDaysFeeRoundedUp() {
    String first = books.pay(WEDNESDAY, "EUR", 10_000);
    books.pay(WEDNESDAY, "EUR", 5_050);
    books.refund(WEDNESDAY, first, 1_000);

    Payout payout = only(payouts.of(WEDNESDAY));

    // fee: 1 % of 15,050 rounded up = 151; net: 15,050 - 1,000 - 151 = 13,899
    assertThat(payout.paymentsMinor()).isEqualTo(15_050);
    assertThat(payout.refundsMinor()).isEqualTo(1_000);
    assertThat(payout.feesMinor()).isEqualTo(151);
    assertThat(payout.chargebacksMinor()).isZero();
    assertThat(payout.netMinor()).isEqualTo(13_899);
    assertThat(payout.reference()).isEqualTo("po_sim_EUR_20261202");
    assertThat(payout.statementId()).isEqualTo("payout-sim-EUR-20261202");
    assertThat(payout.valueDate()).isEqualTo(THURSDAY);
    assertThat(payout.bankBookingDate()).contains(THURSDAY);
    assertThat(payout.bankAmountMinor()).isEqualTo(13_899);
    assertThat(payout.faults()).isEmpty();
    assertThat(payout.lineCount()).isEqualTo(5);
  }

  @Test
  void eachCurrencyIsPaidOutOnItsOwn() {
    books.pay(WEDNESDAY, "EUR", 1_000);
    books.pay(WEDNESDAY, "USD", 2_000);
    books.pay(WEDNESDAY, "JPY", 300);

    assertThat(payouts.of(WEDNESDAY))
        .extracting(Payout::currency, Payout::netMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("EUR", 990L),
            org.assertj.core.groups.Tuple.tuple("JPY", 297L),
            org.assertj.core.groups.Tuple.tuple("USD", 1_980L));
  }

  @Test
  void theWeekendGoesIntoMondaysPayoutAndFridaysArrivesOnMonday() {
    books.pay(FRIDAY, "EUR", 100);
    books.pay(SATURDAY, "EUR", 200);
    books.pay(SUNDAY, "EUR", 300);
    books.pay(MONDAY, "EUR", 400);

    assertThat(payouts.of(SATURDAY)).isEmpty();
    assertThat(payouts.of(SUNDAY)).isEmpty();
    assertThat(only(payouts.of(FRIDAY)).valueDate()).isEqualTo(MONDAY);
    Payout monday = only(payouts.of(MONDAY));
    assertThat(monday.paymentsMinor()).isEqualTo(900);
    assertThat(monday.valueDate()).isEqualTo(TUESDAY);
    assertThat(payouts.arriving(MONDAY))
        .extracting(Payout::reference)
        .containsExactly("po_sim_EUR_20261204");
  }

  @Test
  void onAScheduleOfEveryDayTheSaturdayIsPaidOutTheNextDay() {
    payouts.schedule(PayoutSchedule.EVERY_DAY);
    books.pay(SATURDAY, "EUR", 200);

    Payout saturday = only(payouts.of(SATURDAY));

    assertThat(saturday.valueDate()).isEqualTo(SUNDAY);
    assertThat(saturday.bankBookingDate()).contains(SUNDAY);
  }

  @Test
  void aShortPayoutReachesTheBankLessAnUnexplainedFeeAndItsReportIsUnchanged() {
    books.pay(WEDNESDAY, "EUR", 10_000);
    Payout honest = only(payouts.of(WEDNESDAY));
    payouts.faults(PayoutFaults.NONE.shortBy(250).on("po_sim_EUR_20261202", PayoutFault.SHORT));

    Payout payout = only(payouts.of(WEDNESDAY));

    assertThat(payout.faults()).containsExactly(PayoutFault.SHORT);
    assertThat(payout.netMinor()).isEqualTo(honest.netMinor()).isEqualTo(9_900);
    assertThat(payout.reportLines()).isEqualTo(honest.reportLines());
    assertThat(payout.bankAmountMinor()).isEqualTo(9_650);
    assertThat(payout.bankBookingDate()).contains(THURSDAY);
  }

  @Test
  void aPayoutShortByAllOfItArrivesInFullWithoutTheFault() {
    books.pay(WEDNESDAY, "EUR", 10_000);
    payouts.faults(PayoutFaults.NONE.shortBy(9_900).on("po_sim_EUR_20261202", PayoutFault.SHORT));

    Payout payout = only(payouts.of(WEDNESDAY));

    assertThat(payout.faults()).isEmpty();
    assertThat(payout.bankAmountMinor()).isEqualTo(payout.netMinor()).isEqualTo(9_900);
    assertThat(BankLine.providerPayout(payout).signedAmountMinor()).isEqualTo(9_900);
  }

  @Test
  void aLatePayoutIsBookedByTheBankOneBusinessDayAfterItsValueDate() {
    books.pay(FRIDAY, "EUR", 10_000);
    payouts.faults(PayoutFaults.NONE.on("po_sim_EUR_20261204", PayoutFault.LATE));

    Payout payout = only(payouts.of(FRIDAY));

    assertThat(payout.valueDate()).isEqualTo(MONDAY);
    assertThat(payout.bankBookingDate()).contains(TUESDAY);
    assertThat(payouts.arriving(MONDAY)).isEmpty();
    assertThat(payouts.arriving(TUESDAY)).containsExactly(payout).isNotEmpty();
  }

  @Test
  void aMissingPayoutNeverReachesTheBank() {
    books.pay(WEDNESDAY, "EUR", 10_000);
    payouts.faults(PayoutFaults.NONE.on("po_sim_EUR_20261202", PayoutFault.MISSING));

    Payout payout = only(payouts.of(WEDNESDAY));

    assertThat(payout.faults()).containsExactly(PayoutFault.MISSING);
    assertThat(payout.bankBookingDate()).isEmpty();
    for (LocalDate date = WEDNESDAY;
        date.isBefore(WEDNESDAY.plusDays(14));
        date = date.plusDays(1)) {
      assertThat(payouts.arriving(date)).isEmpty();
    }
    assertThatThrownBy(() -> BankLine.providerPayout(payout))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownLineIsAPaymentTheSuiteNeverSawPaidOutWithTheRest() {
    books.pay(WEDNESDAY, "EUR", 10_000);
    payouts.faults(PayoutFaults.NONE.on("po_sim_EUR_20261202", PayoutFault.UNKNOWN_LINE));

    Payout payout = only(payouts.of(WEDNESDAY));

    assertThat(payout.paymentIds()).hasSize(2).startsWith("pay-1");
    String unknown = payout.paymentIds().get(1);
    assertThat(unknown).startsWith("pay_unknown_");
    long unknownMinor = payout.paymentsMinor() - 10_000;
    assertThat(unknownMinor).isBetween(100L, 9_999L);
    assertThat(payout.feesMinor()).isEqualTo((payout.paymentsMinor() + 99) / 100);
    assertThat(payout.netMinor()).isEqualTo(payout.paymentsMinor() - payout.feesMinor());
    assertThat(payout.bankAmountMinor()).isEqualTo(payout.netMinor());
    // the same payout asked again is the same payout
    assertThat(only(payouts.of(WEDNESDAY)).paymentIds()).containsExactly("pay-1", unknown);
  }

  @Test
  void aChargebackTakesBackOneOfTheDaysPaymentsInFull() {
    String only = books.pay(WEDNESDAY, "EUR", 4_000);
    books.pay(WEDNESDAY, "USD", 10_000);
    payouts.faults(PayoutFaults.NONE.on("po_sim_EUR_20261202", PayoutFault.CHARGEBACK));

    List<Payout> both = payouts.of(WEDNESDAY);
    Payout eur = both.get(0);

    assertThat(eur.faults()).containsExactly(PayoutFault.CHARGEBACK);
    assertThat(eur.chargebacksMinor()).isEqualTo(4_000);
    assertThat(eur.lines())
        .filteredOn(line -> line.kind() == StatementEntry.Kind.CHARGEBACK)
        .singleElement()
        .satisfies(line -> assertThat(line.reference()).isEqualTo(only));
    // the fee stays charged: 4,000 - 40 - 4,000
    assertThat(eur.netMinor()).isEqualTo(-40);
    assertThat(both.get(1).faults()).isEmpty();
  }

  @Test
  void aNegativePayoutIsTakenFromOurBank() {
    books.pay(WEDNESDAY, "EUR", 3_000);
    books.pay(WEDNESDAY, "EUR", 2_000);
    books.pay(WEDNESDAY, "EUR", 1_000);
    payouts.faults(PayoutFaults.NONE.on("po_sim_EUR_20261202", PayoutFault.NEGATIVE));

    Payout payout = only(payouts.of(WEDNESDAY));

    assertThat(payout.faults()).containsExactly(PayoutFault.NEGATIVE);
    // 6,000 - 60 fee; 3,000 and 2,000 charged back leave 940, the 1,000 one makes it negative
    assertThat(payout.chargebacksMinor()).isEqualTo(6_000);
    assertThat(payout.netMinor()).isEqualTo(-60);
    assertThat(payout.bankAmountMinor()).isEqualTo(-60);
    assertThat(BankLine.providerPayout(payout).credit()).isFalse();
  }

  @Test
  void refundsOfEarlierPaymentsAloneMakeANegativePayoutWithoutAnyFault() {
    String paid = books.pay(MONDAY.minusWeeks(1), "EUR", 5_000);
    books.refund(WEDNESDAY, paid, 1_500);

    Payout payout = only(payouts.of(WEDNESDAY));

    assertThat(payout.netMinor()).isEqualTo(-1_500);
    assertThat(payout.feesMinor()).isZero();
    assertThat(payout.lineCount()).isEqualTo(2);
  }

  @Test
  void aDayWhoseNetIsExactlyZeroHasNoPayout() {
    String paid = books.pay(WEDNESDAY, "EUR", 10_000);
    books.refund(WEDNESDAY, paid, 9_900);

    assertThat(payouts.of(WEDNESDAY)).isEmpty();
  }

  @Test
  void faultsByRateAreTheSameForTheSamePayoutWhateverWasAskedBefore() {
    for (int day = 0; day < 60; day++) {
      books.pay(WEDNESDAY.plusDays(day), "EUR", 1_000 + day);
    }
    payouts.schedule(PayoutSchedule.EVERY_DAY);
    payouts.faults(PayoutFaults.NONE.withRate(PayoutFault.SHORT, 0.5));
    List<Set<PayoutFault>> forward = faults(0, 60, 1);
    List<Set<PayoutFault>> backward = faults(59, -1, -1);
    java.util.Collections.reverse(backward);

    assertThat(forward).isEqualTo(backward);
    assertThat(forward).contains(Set.of(), Set.of(PayoutFault.SHORT));
    assertThat(books.payouts(7).of(WEDNESDAY)).isNotNull();
    Payouts sameSeed = books.payouts(7);
    sameSeed.schedule(PayoutSchedule.EVERY_DAY);
    sameSeed.faults(PayoutFaults.NONE.withRate(PayoutFault.SHORT, 0.5));
    assertThat(sameSeed.of(WEDNESDAY.plusDays(9)).get(0).faults()).isEqualTo(forward.get(9));
  }

  @Test
  void aRateOfOneHitsEveryPayoutAndZeroNone() {
    books.pay(WEDNESDAY, "EUR", 1_000);
    books.pay(THURSDAY, "EUR", 1_000);
    payouts.faults(PayoutFaults.NONE.withRate(PayoutFault.LATE, 1).withRate(PayoutFault.SHORT, 0));

    assertThat(payouts.of(WEDNESDAY).get(0).faults()).containsExactly(PayoutFault.LATE);
    assertThat(payouts.of(THURSDAY).get(0).faults()).containsExactly(PayoutFault.LATE);
  }

  @Test
  void faultsRefuseRatesOutsideZeroToOneAndAShortfallThatIsNotPositive() {
    assertThatThrownBy(() -> PayoutFaults.NONE.withRate(PayoutFault.SHORT, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PayoutFaults.NONE.withRate(PayoutFault.SHORT, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PayoutFaults.NONE.shortBy(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PayoutSchedule(Set.of(), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            PayoutFaults.NONE.on("po_x", PayoutFault.SHORT).on("po_x", PayoutFault.LATE).byPayout())
        .isEqualTo(Map.of("po_x", Set.of(PayoutFault.SHORT, PayoutFault.LATE)));
  }

  private List<Set<PayoutFault>> faults(int from, int to, int step) {
    List<Set<PayoutFault>> faults = new java.util.ArrayList<>();
    for (int day = from; day != to; day += step) {
      faults.add(only(payouts.of(WEDNESDAY.plusDays(day))).faults());
    }
    return faults;
  }

  private static Payout only(List<Payout> payouts) {
    assertThat(payouts).hasSize(1);
    return payouts.get(0);
  }
}
