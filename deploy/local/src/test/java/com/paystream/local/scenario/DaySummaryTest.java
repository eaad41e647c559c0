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
        0,
        new DaySummary.ClassifiedLines(1, 2, 1, 2, 0),
        problems,
        trialBalance,
        IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList(),
        List.of(DAY),
        SEALED,
        new DaySummary.Examples("pay_lost", "pay_amended", "pay_refunded"),
        java.util.Map.of(),
        java.util.Optional.empty());
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
  void showsThePayoutsAndFeesReconciliationClassified() {
    assertThat(summary(4, 4, List.of(), BALANCED).render())
        .containsPattern("payouts / fees +1 / 2 +of 1 / 2 on the statement, reported awaiting")
        .contains("0 unmatched lines");
  }

  @Test
  void failsWhenAPayoutOrFeeLineIsNotReportedAwaitingSettlement() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary misread = with(ok, new DaySummary.ClassifiedLines(1, 2, 1, 1, 1), ok.journal());
    assertThat(ok.passed()).isTrue();
    assertThat(misread.passed()).isFalse();
    assertThat(misread.render())
        .contains("FAILED: payout and fee lines not reported awaiting settlement");
  }

  @Test
  void failsWhenTheJournalIsBrokenOrADayUnsealed() {
    DaySummary ok = summary(4, 4, List.of(), BALANCED);
    DaySummary broken =
        with(
            ok,
            ok.classified(),
            new JournalCheck(false, 250, 7, "first broken entry e-1: hash differs", List.of()));
    assertThat(broken.passed()).isFalse();
    assertThat(broken.render()).contains("BROKEN", "e-1", "FAILED: the journal is broken");
    DaySummary unsealed = with(ok, ok.classified(), new JournalCheck(true, 250, 7, "", List.of()));
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
            "http://l/v1/payments/pay_amended/entries");
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
        ok.classified(),
        ok.problems(),
        ok.trialBalance(),
        ok.latencies(),
        ok.statementDates(),
        ok.journal(),
        ok.examples(),
        java.util.Map.of(
            "http://127.0.0.1:8080/v1/webhooks/x", 3L, "http://127.0.0.1:8180/v1/webhooks/x", 4L),
        java.util.Optional.of(report));
  }

  /** {@code ok} with other classified lines and another journal check. */
  private static DaySummary with(
      DaySummary ok, DaySummary.ClassifiedLines classified, JournalCheck journal) {
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
        classified,
        ok.problems(),
        ok.trialBalance(),
        ok.latencies(),
        ok.statementDates(),
        journal,
        ok.examples(),
        ok.webhooksPerGateway(),
        ok.disruption());
  }
}
