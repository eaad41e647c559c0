package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payout report as provider CSV. */
class PayoutReportTest {

  private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

  private final Books books = new Books();
  private final Payouts payouts = books.payouts(11);

  @Test
  void listsEveryLineWithThePayoutReferenceAndEndsWithOnePayoutLine() {
    String paid = books.pay(FRIDAY, "EUR", 10_000);
    books.pay(FRIDAY, "EUR", 5_050);
    books.refund(FRIDAY, paid, 1_000);

    List<String> csv = report().csv().lines().toList();

    assertThat(csv.get(0))
        .isEqualTo(
            "statement_id,line_id,booking_date,value_date,payment_reference,provider,direction,"
                + "amount_minor,currency,description,kind,payout_reference");
    assertThat(csv.subList(1, csv.size()))
        .containsExactly(
            "payout-sim-EUR-20261204,0001,2026-12-04,2026-12-04,pay-1,sim,CREDIT,10000,EUR,"
                + "Payment psp_1,payment,po_sim_EUR_20261204",
            "payout-sim-EUR-20261204,0002,2026-12-04,2026-12-04,pay-2,sim,CREDIT,5050,EUR,"
                + "Payment psp_2,payment,po_sim_EUR_20261204",
            "payout-sim-EUR-20261204,0003,2026-12-04,2026-12-04,pay-1,sim,DEBIT,1000,EUR,"
                + "Refund re_3,refund,po_sim_EUR_20261204",
            "payout-sim-EUR-20261204,FEE,2026-12-04,2026-12-04,,sim,DEBIT,151,EUR,"
                + "Fee fee_po_sim_EUR_20261204,fee,po_sim_EUR_20261204",
            "payout-sim-EUR-20261204,PAYOUT,2026-12-04,2026-12-07,,sim,DEBIT,13899,EUR,"
                + "Payout po_sim_EUR_20261204,payout,po_sim_EUR_20261204");
  }

  @Test
  void aNegativePayoutLineIsACreditAndAChargebackNamesTheDisputedPayment() {
    books.pay(FRIDAY, "EUR", 2_000);
    payouts.faults(PayoutFaults.NONE.on("po_sim_EUR_20261204", PayoutFault.NEGATIVE));

    List<String> csv = report().csv().lines().toList();

    assertThat(csv)
        .contains(
            "payout-sim-EUR-20261204,0002,2026-12-04,2026-12-04,pay-1,sim,DEBIT,2000,EUR,"
                + "Chargeback cb_psp_1,chargeback,po_sim_EUR_20261204",
            "payout-sim-EUR-20261204,PAYOUT,2026-12-04,2026-12-07,,sim,CREDIT,20,EUR,"
                + "Payout po_sim_EUR_20261204,payout,po_sim_EUR_20261204");
  }

  @Test
  void theLinesOfEachPayoutSumToItsPayoutLine() {
    books.pay(FRIDAY, "EUR", 777);
    books.pay(FRIDAY, "USD", 1_234);
    payouts.faults(
        PayoutFaults.NONE
            .withRate(PayoutFault.UNKNOWN_LINE, 1)
            .withRate(PayoutFault.CHARGEBACK, 1));

    for (Payout payout : report().payouts()) {
      assertThat(PayoutArithmetic.signedSum(payout)).isEqualTo(payout.netMinor());
    }
  }

  private PayoutReport report() {
    return new PayoutReport(FRIDAY, payouts.of(FRIDAY));
  }
}
