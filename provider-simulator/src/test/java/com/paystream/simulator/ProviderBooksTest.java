package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The public books pay out exactly as the simulator's own parts do. */
class ProviderBooksTest {

  private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);
  private static final LocalDate THURSDAY = WEDNESDAY.plusDays(1);

  @Test
  void paysOutTheBookedDayAndPutsThePayoutOnTheBankStatementOfItsValueDate() {
    ProviderBooks books = new ProviderBooks("sim", 7);
    books.payment(WEDNESDAY, "pay-1", "EUR", 10_000);
    books.payment(WEDNESDAY, "pay-2", "EUR", 5_050);
    books.refund(WEDNESDAY, "pay-1", 1_000);

    Payout payout = books.payouts(WEDNESDAY).payouts().get(0);

    // fee: 1 % of 15,050 rounded up = 151; net: 15,050 - 1,000 - 151 = 13,899
    assertThat(payout.reference()).isEqualTo(books.payoutReference("EUR", WEDNESDAY));
    assertThat(payout.netMinor()).isEqualTo(13_899);
    assertThat(payout.paymentIds()).containsExactly("pay-1", "pay-2");
    assertThat(books.bankStatement(THURSDAY).lines())
        .extracting(BankLine::reference, BankLine::signedAmountMinor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("po_sim_EUR_20261202", 13_899L));
  }

  @Test
  void theFaultsAndTheSeedShapeThePayoutsAsTheSimulatorsDo() {
    ProviderBooks books = new ProviderBooks("sim", 7);
    Books same = new Books();
    Payouts payouts = same.payouts(7);
    PayoutFaults faults = PayoutFaults.NONE.withRate(PayoutFault.CHARGEBACK, 1);
    books.payoutFaults(faults);
    payouts.faults(faults);
    books.payment(WEDNESDAY, "pay-1", "EUR", 10_000);
    books.payment(WEDNESDAY, "pay-2", "EUR", 20_000);
    same.pay(WEDNESDAY, "EUR", 10_000);
    same.pay(WEDNESDAY, "EUR", 20_000);

    assertThat(books.payouts(WEDNESDAY).payouts().get(0).chargebacksMinor())
        .isEqualTo(payouts.of(WEDNESDAY).get(0).chargebacksMinor());
  }

  @Test
  void refusesARefundOfAPaymentItNeverBooked() {
    ProviderBooks books = new ProviderBooks("sim", 7);

    assertThatThrownBy(() -> books.refund(WEDNESDAY, "pay-9", 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pay-9");
  }
}
