package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.local.scenario.DayScenario;
import com.paystream.local.scenario.DaySummary;
import com.paystream.local.scenario.ScenarioSettings;
import com.paystream.local.scenario.SettlementSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The local stack's day scenario, smaller, against the suite as separate processes: payments with
 * dropped, duplicated, delayed and reordered webhooks, refunds, an amendment, the provider's
 * statement, lost orders flagged and recovered, the provider's payouts matched to our bank's
 * statement and booked (one paid short, its difference in suspense as an open break), a merchant
 * payout (bank details approved by a second operator) confirmed on the same bank statement and
 * captured by the ledger, the day closed with a zero trial balance.
 */
class DayScenarioIT {

  @Test
  void aDayWithUnreliableWebhooksEndsBalancedWithEveryLostOrderRecoveredAndEveryPayoutSettled() {
    RunningSuite suite = RunningSuite.get();
    DayScenario.Services services =
        new DayScenario.Services(
            suite.baseUrl("gateway"),
            suite.baseUrl("relay"),
            suite.baseUrl("ledger"),
            suite.baseUrl("reconciliation"));
    // More faults than the default day, so that a small day has lost orders and duplicates.
    ScenarioSettings settings = new ScenarioSettings(150, 7, 0.08, 0.08, 0.06, 8);

    DaySummary summary =
        new DayScenario(services, suite.provider(), settings, System.out, false).run();

    String rendered = summary.render();
    System.out.print(rendered);
    assertThat(summary.passed()).as(rendered).isTrue();
    assertThat(summary.lostOrders()).as(rendered).isPositive();
    assertThat(summary.lostOrdersDetected()).as(rendered).isEqualTo(summary.lostOrders());
    assertThat(summary.lostOrdersRecovered()).isEqualTo(summary.lostOrders());
    assertThat(summary.webhooks().duplicatesSent()).as(rendered).isPositive();
    assertThat(summary.amended()).as(rendered).isNotNull();
    assertThat(summary.refunds()).as(rendered).isPositive();
    assertThat(summary.trialBalance())
        .as(rendered)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.imbalanceMinor()).isZero());
    SettlementSummary settlement = summary.settlement();
    assertThat(settlement.payouts())
        .as(rendered)
        .isNotEmpty()
        .allSatisfy(payout -> assertThat(payout.matched()).isTrue())
        .allSatisfy(payout -> assertThat(payout.bookedOn()).isPresent());
    assertThat(settlement.breaks())
        .as(rendered)
        .singleElement()
        .satisfies(
            payout -> {
              assertThat(payout.outcome()).isEqualTo("PAYOUT_SHORT");
              assertThat(payout.shortInjected()).isTrue();
            });
    assertThat(settlement.balances())
        .as(rendered)
        .allSatisfy(balance -> assertThat(balance.clearingMinor()).isZero())
        .anySatisfy(balance -> assertThat(balance.suspenseMinor()).isNegative());
    // the short payout's break is the only one left open
    assertThat(summary.openBreaks()).as(rendered).isEqualTo(1);
    assertThat(settlement.merchantPayouts())
        .as(rendered)
        .singleElement()
        .satisfies(
            payout -> {
              assertThat(payout.payoutId()).startsWith("mpo_");
              assertThat(payout.state()).isEqualTo("CAPTURED");
              assertThat(payout.capturedMinor()).isEqualTo(payout.amountMinor()).isPositive();
              assertThat(payout.balanceBeforeMinor() - payout.balanceAfterMinor())
                  .isEqualTo(payout.capturedMinor());
              assertThat(payout.capturedOn()).isPresent();
              assertThat(payout.detailsFourEyes()).isTrue();
              assertThat(payout.bankAccount()).isEqualTo("DE89 **** 3000");
            });
    assertThat(rendered).contains("merchant payouts", "1/1");
    assertNoSecretInTheLogs(suite);
    assertNoFullIbanInTheLogs();
  }

  /** The merchant's IBAN is masked in every log line (the ledger's README, "Merchant payouts"). */
  private static void assertNoFullIbanInTheLogs() {
    for (Path log : logs()) {
      assertThat(read(log)).as(log.toString()).doesNotContain("DE89370400440532013000");
    }
  }

  /** After a whole day, no service log holds a password, a signing secret or an API key. */
  private static void assertNoSecretInTheLogs(RunningSuite suite) {
    List<Path> logs = logs();
    assertThat(logs).hasSizeGreaterThanOrEqualTo(4);
    for (Path log : logs) {
      String content = read(log);
      assertThat(content).as(log.toString()).isNotEmpty();
      for (String secret : suite.secrets()) {
        assertThat(content.contains(secret))
            .as(log + " holds a secret starting " + secret.substring(0, 8))
            .isFalse();
      }
    }
  }

  private static List<Path> logs() {
    try (Stream<Path> files = Files.list(RunningSuite.logs())) {
      return files.filter(file -> file.toString().endsWith(".log")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
