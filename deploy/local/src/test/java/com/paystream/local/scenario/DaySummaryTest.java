package com.paystream.local.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.simulator.WebhookStats;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DaySummaryTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  private static final WebhookStats WEBHOOKS = new WebhookStats(95, 90, 5, 3, 2, 2, 1, 2, 0);
  private static final List<TrialBalanceLine> BALANCED =
      List.of(
          new TrialBalanceLine(DAY, "EUR", 10_000, 10_000, 0),
          new TrialBalanceLine(DAY, "USD", 5_000, 5_000, 0));

  private static DaySummary summary(
      int lost, int recovered, List<String> problems, List<TrialBalanceLine> trialBalance) {
    return new DaySummary(
        ScenarioSettings.defaults(1).withPayments(100),
        Duration.ofSeconds(50),
        100,
        95,
        WEBHOOKS,
        101,
        3,
        3,
        "pay_amended",
        lost,
        lost,
        recovered,
        1,
        0,
        problems,
        SETTLED,
        trialBalance,
        IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList(),
        List.of(DAY),
        SEALED,
        new DaySummary.Examples("pay_lost", "pay_amended", "pay_refunded"),
        java.util.Map.of(),
        java.util.Optional.empty());
  }

  /** EUR paid short by 100 (an open break, the 100 in suspense), USD to the cent. */
  private static final SettlementSummary SETTLED =
      new SettlementSummary(
          List.of(
              payout("EUR", 9_900, 9_800, true, "PAYOUT_SHORT", "brk_short", DAY),
              payout("USD", 4_950, 4_950, false, "PAYOUT_MATCHED", null, DAY)),
          List.of(
              new SettlementSummary.Balances("EUR", "provider-clearing:sim:EUR", 0, -100, -100),
              new SettlementSummary.Balances("USD", "provider-clearing:sim:USD", 0, 0, 0)),
          List.of(
              merchantPayout("CAPTURED", 50_000, 480_000, 430_000, "operator:local-operator-2")));

  /** A merchant payout of 50000 EUR of m-demo, as the ledger shows it after the bank's answer. */
  private static MerchantPayoutOutcome merchantPayout(
      String state, long captured, long before, long after, String detailsApprovedBy) {
    return new MerchantPayoutOutcome(
        "mpo_AbCdEfGhIjKlMnOpQrStUvWx",
        "m-demo",
        "EUR",
        50_000,
        50_000,
        state,
        captured,
        before,
        after,
        9_750,
        captured == 0
            ? java.util.Optional.empty()
            : java.util.Optional.of(
                new MerchantPayoutOutcome.Capture(
                    java.util.UUID.fromString("00000000-0000-0000-0000-000000000019"),
                    "SETTLEMENT",
                    DAY,
                    List.of(
                        new MerchantPayoutOutcome.Posting("merchant:m-demo:EUR", "DEBIT", captured),
                        new MerchantPayoutOutcome.Posting("bank-cash:EUR", "CREDIT", captured)))),
        "DE89 **** 3000",
        "operator:local-operator",
        detailsApprovedBy,
        false);
  }

  private static SettlementSummary.PayoutOutcome payout(
      String currency,
      long net,
      long bank,
      boolean shortInjected,
      String outcome,
      String openBreak,
      LocalDate bookedOn) {
    return new SettlementSummary.PayoutOutcome(
        "po_sim_" + currency + "_20261125",
        currency,
        DAY,
        net,
        bank,
        true,
        shortInjected,
        outcome,
        java.util.Optional.ofNullable(openBreak),
        java.util.Optional.ofNullable(bookedOn));
  }

  private static final JournalCheck SEALED =
      new JournalCheck(
          true,
          250,
          7,
          "",
          List.of(
              new JournalCheck.Seal(DAY, "9f86d081884c7d659a2feaa0", "ed25519:0123456789abcdef")));

  @Test
  void showsTheJournalVerificationAndTheDaysSeal() {
    assertThat(summary(4, 4, List.of(), BALANCED).render())
        .contains(
            "journal verified",
            "valid",
            "250 entries in 7 chains",
            "day seal " + DAY,
            "9f86d081884c")
        .contains("PASSED");
  }

  @Test
  void showsThePayoutsMatchedBookedTheClearingBalancesAndThePayoutBreak() {
    String rendered = summary(4, 4, List.of(), BALANCED).render();

    assertThat(rendered)
        .containsPattern(
            "payouts matched +2/2 +bank credits matched to the provider's payout reports; 1 short"
                + " \\(PAYOUT_SHORT, 100 in suspense EUR\\)")
        .containsPattern(
            "payouts booked +2/2 +PROVIDER_SETTLEMENT entries on \\[2026-11-25\\], inside the"
                + " closed day's trial balance")
        .containsPattern(
            "clearing balance EUR +0 +provider-clearing:sim:EUR after 1 payout booked;"
                + " suspense:EUR -100")
        .containsPattern("clearing balance USD +0 +provider-clearing:sim:USD")
        .containsPattern(
            "payout break EUR +PAYOUT_SHORT +po_sim_EUR_20261125: bank 9800 of 9900 reported;"
                + " open for an operator \\(brk_short\\)")
        .containsPattern(
            "breaks open +1 +on the statement dates: 1 payout break, 0 unmatched statement lines")
        .contains("PASSED");
  }

  @Test
  void showsTheMerchantPayoutCapturedWhenTheBankConfirmedIt() {
    String rendered = summary(4, 4, List.of(), BALANCED).render();

    assertThat(rendered)
        .containsPattern(
            "merchant payouts +1/1 +mpo_AbCdEfGhIjKlMnOpQrStUvWx captured 50000 EUR from"
                + " merchant:m-demo:EUR \\(480000 → 430000\\) to bank-cash:EUR \\(9750 after\\)"
                + " when the bank confirmed the transfer; bank details DE89 \\*\\*\\*\\* 3000"
                + " approved by a second operator \\(operator:local-operator-2\\)")
        .doesNotContain("DE89370400440532013000")
        .contains("PASSED");
  }

  @Test
  void failsWithoutAMerchantPayout() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary none = withMerchantPayouts(ok, List.of());

    assertThat(none.passed()).isFalse();
    assertThat(none.render())
        .contains("merchant payouts", "0/0", "none requested")
        .contains("FAILED: no merchant payout");
  }

  @Test
  void failsWhenTheMerchantPayoutIsNotCaptured() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary held =
        withMerchantPayouts(
            ok, List.of(merchantPayout("HELD", 0, 480_000, 480_000, "operator:local-operator-2")));

    assertThat(held.passed()).isFalse();
    assertThat(held.render())
        .contains("merchant payouts", "0/1", "mpo_AbCdEfGhIjKlMnOpQrStUvWx of 50000 EUR HELD")
        .contains(
            "FAILED: merchant payout mpo_AbCdEfGhIjKlMnOpQrStUvWx is HELD with 0 captured, the"
                + " bank confirmed 50000");
  }

  @Test
  void failsWhenTheMerchantsAccountDidNotGoDownByTheCapture() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary notDebited =
        withMerchantPayouts(
            ok,
            List.of(
                merchantPayout("CAPTURED", 50_000, 480_000, 480_000, "operator:local-operator-2")));

    assertThat(notDebited.passed()).isFalse();
    assertThat(notDebited.render())
        .contains("merchant:m-demo:EUR went from 480000 to 480000, not down by the 50000 captured");
  }

  @Test
  void failsWhenTheBankDetailsWereApprovedByTheirRequester() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary oneOperator =
        withMerchantPayouts(
            ok,
            List.of(
                merchantPayout("CAPTURED", 50_000, 480_000, 430_000, "operator:local-operator")));

    assertThat(oneOperator.passed()).isFalse();
    assertThat(oneOperator.render())
        .contains("NOT approved by a second operator")
        .contains("the bank details of m-demo were not approved by a second operator");
  }

  @Test
  void theMerchantPayoutsCaptureDateIsClosedWithTheDay() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);

    assertThat(ok.settlement().entryDates()).containsExactly(DAY);
    DaySummary laterCapture =
        with(
            ok,
            new SettlementSummary(
                ok.settlement().payouts(),
                ok.settlement().balances(),
                List.of(capturedOn(DAY.plusDays(1)))),
            ok.journal());
    assertThat(laterCapture.settlement().entryDates()).containsExactly(DAY, DAY.plusDays(1));
    assertThat(laterCapture.passed()).isFalse();
    assertThat(laterCapture.render())
        .contains("merchant payout capture on 2026-11-26 outside the closed trial balances");
  }

  private static MerchantPayoutOutcome capturedOn(LocalDate date) {
    MerchantPayoutOutcome payout =
        merchantPayout("CAPTURED", 50_000, 480_000, 430_000, "operator:local-operator-2");
    MerchantPayoutOutcome.Capture capture = payout.capture().orElseThrow();
    return new MerchantPayoutOutcome(
        payout.payoutId(),
        payout.merchantId(),
        payout.currency(),
        payout.amountMinor(),
        payout.confirmedMinor(),
        payout.state(),
        payout.capturedMinor(),
        payout.balanceBeforeMinor(),
        payout.balanceAfterMinor(),
        payout.bankCashMinor(),
        java.util.Optional.of(
            new MerchantPayoutOutcome.Capture(
                capture.entryId(), capture.entryType(), date, capture.postings())),
        payout.bankAccount(),
        payout.detailsRequestedBy(),
        payout.detailsApprovedBy(),
        payout.payoutApproved());
  }

  private static DaySummary withMerchantPayouts(
      DaySummary ok, List<MerchantPayoutOutcome> merchantPayouts) {
    return with(
        ok,
        new SettlementSummary(
            ok.settlement().payouts(), ok.settlement().balances(), merchantPayouts),
        ok.journal());
  }

  @Test
  void failsWhenAPayoutIsNeitherMatchedNorABreak() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary unmatched =
        with(
            ok,
            new SettlementSummary(
                List.of(payout("USD", 4_950, 4_950, false, "", null, null)),
                List.of(
                    new SettlementSummary.Balances(
                        "USD", "provider-clearing:sim:USD", 4_950, 0, 0)),
                ok.settlement().merchantPayouts()),
            ok.journal());

    assertThat(unmatched.passed()).isFalse();
    assertThat(unmatched.render())
        .contains(
            "FAILED: 1 payouts neither matched nor a break; 1 payouts on the bank statement not"
                + " booked by the ledger");
  }

  @Test
  void failsWhenClearingIsNotBackToZeroAfterEveryPayoutSettled() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary notZero =
        with(
            ok,
            new SettlementSummary(
                ok.settlement().payouts(),
                List.of(
                    new SettlementSummary.Balances(
                        "EUR", "provider-clearing:sim:EUR", 0, -100, -100),
                    new SettlementSummary.Balances("USD", "provider-clearing:sim:USD", 12, 0, 0)),
                ok.settlement().merchantPayouts()),
            ok.journal());

    assertThat(notZero.passed()).isFalse();
    assertThat(notZero.render()).contains("FAILED: clearing USD is 12, not 0");
  }

  @Test
  void printsReconciliationsClearingCheckAndFailsWhenACurrencyDiffers() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary checked =
        with(
            ok,
            new SettlementSummary(
                ok.settlement().payouts(),
                ok.settlement().balances(),
                ok.settlement().merchantPayouts(),
                List.of(
                    new SettlementSummary.ClearingCheck("EUR", 0, 0, 0, 0),
                    new SettlementSummary.ClearingCheck("USD", 4_950, 0, 0, 4_950))),
            ok.journal());

    assertThat(checked.passed()).isFalse();
    assertThat(checked.render())
        .containsPattern(
            "clearing check EUR +holds +reconciliation: provider clearing 0 = unpaid 0 \\+"
                + " awaiting payout 0")
        .containsPattern("clearing check USD +differs by 4950")
        .contains("FAILED: reconciliation's clearing check USD differs by 4950");
  }

  @Test
  void failsWhenTheShortPayoutIsNoOpenBreakOrItsDifferenceNotInSuspense() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary matchedAnyway =
        with(
            ok,
            new SettlementSummary(
                List.of(payout("EUR", 9_900, 9_800, true, "PAYOUT_MATCHED", null, DAY)),
                List.of(
                    new SettlementSummary.Balances("EUR", "provider-clearing:sim:EUR", 0, 0, -100)),
                ok.settlement().merchantPayouts()),
            ok.journal());

    assertThat(matchedAnyway.passed()).isFalse();
    assertThat(matchedAnyway.render())
        .contains("po_sim_EUR_20261125 paid short is no open PAYOUT_SHORT break")
        .contains("suspense EUR is 0, not -100");
  }

  @Test
  void failsWhenASettlementEntryIsOutsideTheClosedDays() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    LocalDate tomorrow = DAY.plusDays(1);
    DaySummary later =
        with(
            ok,
            new SettlementSummary(
                List.of(payout("USD", 4_950, 4_950, false, "PAYOUT_MATCHED", null, tomorrow)),
                List.of(
                    new SettlementSummary.Balances("USD", "provider-clearing:sim:USD", 0, 0, 0)),
                ok.settlement().merchantPayouts()),
            ok.journal());

    assertThat(later.passed()).isFalse();
    assertThat(later.render())
        .contains("NOT all inside a closed day's trial balance")
        .contains("settlement entries on [2026-11-26] outside the closed trial balances");
  }

  @Test
  void failsWithoutAnyPayout() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary none =
        with(
            ok,
            new SettlementSummary(List.of(), List.of(), ok.settlement().merchantPayouts()),
            ok.journal());

    assertThat(none.passed()).isFalse();
    assertThat(none.render()).contains("FAILED: no provider payout");
  }

  @Test
  void aMissingPayoutClosedByItsLateArrivalCountsAsMatched() {
    SettlementSummary.PayoutOutcome late =
        payout("USD", 4_950, 4_950, false, "PAYOUT_MISSING", null, DAY);
    SettlementSummary.PayoutOutcome stillMissing =
        payout("GBP", 3_000, 3_000, false, "PAYOUT_MISSING", "brk_missing", null);

    assertThat(late.matched()).isTrue();
    assertThat(stillMissing.matched()).isFalse();
    assertThat(stillMissing.isBreak()).isTrue();
  }

  @Test
  void failsWhenTheJournalIsBrokenOrADayUnsealed() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary broken =
        with(
            ok,
            ok.settlement(),
            new JournalCheck(false, 250, 7, "first broken entry e-1: hash differs", List.of()));
    assertThat(broken.passed()).isFalse();
    assertThat(broken.render()).contains("BROKEN", "e-1", "FAILED: the journal is broken");
    DaySummary unsealed = with(ok, ok.settlement(), new JournalCheck(true, 250, 7, "", List.of()));
    assertThat(unsealed.passed()).isFalse();
    assertThat(unsealed.render()).contains("a closed day is not sealed");
  }

  @Test
  void passesWhenTheBooksBalanceAndEveryLostOrderIsRecovered() {
    DaySummary summary = summary(4, 4, List.of(), BALANCED);

    assertThat(summary.passed()).isTrue();
    assertThat(summary.render())
        .contains("lost orders recovered", "4/4", "trial balance EUR", "PASSED");
  }

  @Test
  void failsOnAnImbalance() {
    DaySummary summary =
        summary(4, 4, List.of(), List.of(new TrialBalanceLine(DAY, "EUR", 10_000, 9_999, 1)));

    assertThat(summary.passed()).isFalse();
    assertThat(summary.render()).contains("FAILED: the books do not balance");
  }

  @Test
  void failsWithoutATrialBalance() {
    assertThat(summary(0, 0, List.of(), List.of()).passed()).isFalse();
  }

  @Test
  void failsOnAnUnrecoveredLostOrder() {
    DaySummary summary = summary(4, 3, List.of(), BALANCED);

    assertThat(summary.passed()).isFalse();
    assertThat(summary.render()).contains("1 lost orders not recovered");
  }

  @Test
  void failsOnAPaymentBookedTwiceAndNamesIt() {
    DaySummary summary =
        summary(4, 4, List.of("pay_twice: succeeded at the provider, booked 2 times"), BALANCED);

    assertThat(summary.passed()).isFalse();
    assertThat(summary.render()).contains("pay_twice: succeeded at the provider, booked 2 times");
  }

  @Test
  void latencyQuantilesAreNearestRank() {
    DaySummary summary = summary(0, 0, List.of(), BALANCED);

    assertThat(summary.latency(0.5)).isEqualTo(Duration.ofMillis(50));
    assertThat(summary.latency(0.99)).isEqualTo(Duration.ofMillis(99));
    assertThat(summary.latency(1.0)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void explorationCommandsNameTheDayAndTheExamples() {
    String commands =
        summary(1, 1, List.of(), BALANCED)
            .explore(new DayScenario.Services("http://g", "http://r", "http://l", "http://c"));

    assertThat(commands)
        .contains(
            "http://c/v1/reports/2026-11-25",
            "http://l/v1/days/2026-11-25",
            "http://g/v1/payments/pay_lost/history",
            "http://l/v1/payments/pay_amended/entries",
            "http://l/v1/merchants/m-demo/payouts/mpo_AbCdEfGhIjKlMnOpQrStUvWx",
            "http://l/v1/merchants/m-demo/bank-details");
  }

  @Test
  void aChaosDayShowsEachFaultsRecoveryAndTheRelaysTakeoverAndFailsWhenOneNeverRecovered() {
    DaySummary ok = summary(1, 1, List.of(), BALANCED);
    DisruptionReport.Fault controller =
        new DisruptionReport.Fault(
            "kill -9 kafka-2 (active controller)",
            Duration.ofSeconds(12),
            4,
            13,
            java.util.Optional.of(Duration.ofMillis(13_800)),
            "kafka-1 took over as controller");
    DisruptionReport recovered =
        new DisruptionReport(
            List.of(controller),
            java.util.Optional.of(Duration.ofMillis(800)),
            "relay_backlog",
            List.of());

    DaySummary chaos = withDisruption(ok, recovered);

    assertThat(chaos.passed()).isTrue();
    assertThat(chaos.render())
        .contains(
            "recovery +12 s",
            "13.8 s",
            "kill -9 kafka-2 (active controller): backlog 4 before, peak 13")
        .contains("relay takeover", "0.8 s");
    DaySummary broken =
        withDisruption(
            ok,
            new DisruptionReport(
                List.of(controller),
                java.util.Optional.empty(),
                "relay_backlog",
                List.of("ledger-1 not back within 180 s of: kill -9 ledger-1")));
    assertThat(broken.passed()).isFalse();
    assertThat(broken.render()).contains("FAILED", "chaos: ledger-1 not back");
  }

  private static DaySummary withDisruption(DaySummary ok, DisruptionReport report) {
    return new DaySummary(
        ok.settings(),
        ok.took(),
        ok.payments(),
        ok.succeeded(),
        ok.webhooks(),
        ok.deliveries(),
        ok.refunds(),
        ok.refundsBooked(),
        ok.amended(),
        ok.lostOrders(),
        ok.lostOrdersDetected(),
        ok.lostOrdersRecovered(),
        ok.openBreaks(),
        ok.unmatchedLines(),
        ok.problems(),
        ok.settlement(),
        ok.trialBalance(),
        ok.latencies(),
        ok.statementDates(),
        ok.journal(),
        ok.examples(),
        java.util.Map.of(
            "http://127.0.0.1:8080/v1/webhooks/x", 3L, "http://127.0.0.1:8180/v1/webhooks/x", 4L),
        java.util.Optional.of(report));
  }

  /** {@code ok} with another settlement and another journal check. */
  private static DaySummary with(
      DaySummary ok, SettlementSummary settlement, JournalCheck journal) {
    return new DaySummary(
        ok.settings(),
        ok.took(),
        ok.payments(),
        ok.succeeded(),
        ok.webhooks(),
        ok.deliveries(),
        ok.refunds(),
        ok.refundsBooked(),
        ok.amended(),
        ok.lostOrders(),
        ok.lostOrdersDetected(),
        ok.lostOrdersRecovered(),
        ok.openBreaks(),
        ok.unmatchedLines(),
        ok.problems(),
        settlement,
        ok.trialBalance(),
        ok.latencies(),
        ok.statementDates(),
        journal,
        ok.examples(),
        ok.webhooksPerGateway(),
        ok.disruption());
  }
}
