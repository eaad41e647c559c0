package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Over random days of payments and refunds in three currencies, with every payout fault at a random
 * rate (QuickTheories): each payout's report lines sum to its PAYOUT line, and the bank books
 * exactly that on the value date unless a fault says otherwise — less the shortfall when SHORT, a
 * business day later when LATE, never when MISSING.
 */
class PayoutsPropertyTest {

  private static final LocalDate FIRST = LocalDate.of(2026, 11, 26);
  private static final int DAYS = 14;
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");

  @Test
  void theLinesSumToThePayoutLineAndTheBankBooksItUnlessAFaultSaysOtherwise() {
    qt().withExamples(200)
        .forAll(
            longs().all(), integers().between(0, 60), integers().between(0, 100), booleans().all())
        .checkAssert(
            (seed, bookings, faultPercent, everyDay) -> {
              Books books = randomDays(seed, bookings);
              Payouts payouts = books.payouts(seed);
              payouts.schedule(everyDay ? PayoutSchedule.EVERY_DAY : PayoutSchedule.WEEKDAYS);
              PayoutFaults faults = PayoutFaults.NONE.shortBy(1 + Math.floorMod(seed, 500));
              for (PayoutFault fault : PayoutFault.values()) {
                faults = faults.withRate(fault, faultPercent / 100.0);
              }
              payouts.faults(faults);

              List<Payout> all = new ArrayList<>();
              for (int day = 0; day < DAYS; day++) {
                for (Payout payout : payouts.of(FIRST.plusDays(day))) {
                  checkReport(payout);
                  checkBank(payout, payouts.schedule(), faults.shortByMinor());
                  all.add(payout);
                }
              }
              checkEachBookingPaidOutAtMostOnce(all);
              checkTheBankStatementsCarryEachArrivingPayoutOnce(payouts, all);
            });
  }

  private static void checkReport(Payout payout) {
    assertThat(payout.netMinor()).isNotZero();
    assertThat(PayoutArithmetic.signedSum(payout))
        .as("lines of %s", payout)
        .isEqualTo(PayoutArithmetic.payoutLine(payout))
        .isEqualTo(payout.netMinor());
    assertThat(payout.reportLines())
        .filteredOn(line -> line.kind() == StatementEntry.Kind.PAYOUT)
        .hasSize(1);
    assertThat(payout.feesMinor()).isEqualTo((payout.paymentsMinor() + 99) / 100);
    if (payout.faults().contains(PayoutFault.NEGATIVE)) {
      assertThat(payout.netMinor()).isNegative();
    }
    if (payout.faults().contains(PayoutFault.CHARGEBACK)) {
      assertThat(payout.chargebacksMinor()).isPositive();
    }
  }

  private static void checkBank(Payout payout, PayoutSchedule schedule, long shortBy) {
    Set<PayoutFault> faults = payout.faults();
    if (faults.contains(PayoutFault.MISSING)) {
      assertThat(payout.bankBookingDate()).isEmpty();
      return;
    }
    LocalDate expectedDate =
        faults.contains(PayoutFault.LATE) ? schedule.next(payout.valueDate()) : payout.valueDate();
    long expectedAmount =
        faults.contains(PayoutFault.SHORT) ? payout.netMinor() - shortBy : payout.netMinor();
    assertThat(payout.bankBookingDate()).as("%s", payout).contains(expectedDate);
    assertThat(payout.bankAmountMinor()).as("%s", payout).isEqualTo(expectedAmount);
  }

  private static void checkEachBookingPaidOutAtMostOnce(List<Payout> payouts) {
    Set<String> seen = new HashSet<>();
    for (Payout payout : payouts) {
      for (StatementEntry line : payout.lines()) {
        if (line.kind() != StatementEntry.Kind.CHARGEBACK) {
          assertThat(seen.add(line.providerReference())).as(line.toString()).isTrue();
        }
      }
    }
  }

  private static void checkTheBankStatementsCarryEachArrivingPayoutOnce(
      Payouts payouts, List<Payout> all) {
    Bank bank = new Bank(payouts);
    List<String> arrived = new ArrayList<>();
    for (int day = 0; day < DAYS + 14; day++) {
      for (BankLine line : bank.statement(FIRST.plusDays(day)).lines()) {
        arrived.add(line.reference() + "=" + line.signedAmountMinor());
      }
    }
    List<String> expected =
        all.stream()
            .filter(payout -> payout.bankBookingDate().isPresent())
            .map(payout -> payout.reference() + "=" + payout.bankAmountMinor())
            .toList();
    assertThat(arrived).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Payments and refunds (of earlier payments, at most their amount) on random days. */
  private static Books randomDays(long seed, int bookings) {
    Random random = new Random(seed);
    Books books = new Books();
    List<String[]> paid = new ArrayList<>();
    for (int i = 0; i < bookings; i++) {
      LocalDate date = FIRST.plusDays(random.nextInt(DAYS));
      if (!paid.isEmpty() && random.nextInt(5) == 0) {
        String[] payment = paid.get(random.nextInt(paid.size()));
        books.refund(date, payment[0], 1 + random.nextInt(Integer.parseInt(payment[1])));
      } else {
        long amount = 1 + random.nextInt(100_000);
        String id = books.pay(date, CURRENCIES.get(random.nextInt(CURRENCIES.size())), amount);
        paid.add(new String[] {id, Long.toString(amount)});
      }
    }
    return books;
  }
}
