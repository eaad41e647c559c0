package com.paystream.local.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.local.demo.DemoProvider;
import com.paystream.local.scenario.DayPlan.Sale;
import org.junit.jupiter.api.Test;

class DayPlanTest {

  private static final ScenarioSettings DAY = ScenarioSettings.defaults(11).withPayments(2000);

  @Test
  void theSameSeedPlansTheSameDay() {
    assertThat(DayPlan.of(DAY)).isEqualTo(DayPlan.of(DAY));
    assertThat(DayPlan.of(DAY.withSeed(12))).isNotEqualTo(DayPlan.of(DAY));
  }

  @Test
  void salesSpreadOverEveryMerchantAndCurrencyWithinTheAmountRange() {
    DayPlan plan = DayPlan.of(DAY);

    assertThat(plan.sales()).hasSize(2000);
    assertThat(plan.sales().stream().map(Sale::merchant).distinct())
        .containsExactlyInAnyOrderElementsOf(DemoProvider.MERCHANTS);
    assertThat(plan.sales().stream().map(Sale::currency).distinct())
        .containsExactlyInAnyOrderElementsOf(DayPlan.CURRENCIES);
    assertThat(plan.sales())
        .allSatisfy(sale -> assertThat(sale.amountMinor()).isBetween(100L, 40_000L));
    // About 6 % of customers fail to pay.
    assertThat(plan.sales().size() - plan.succeeded().size()).isBetween(60, 180);
  }

  @Test
  void refundsOnlySucceededPaymentsAndNeverMoreThanWasPaid() {
    DayPlan plan = DayPlan.of(DAY);

    assertThat(plan.refunded()).isNotEmpty();
    assertThat(plan.refunded())
        .allSatisfy(
            sale -> {
              assertThat(sale.succeeds()).isTrue();
              assertThat(sale.refundMinor()).isBetween(1L, sale.amountMinor());
              assertThat(sale.tipMinor()).isZero();
            });
  }

  @Test
  void exactlyOneSucceededPaymentIsCapturedWithATip() {
    DayPlan plan = DayPlan.of(DAY);

    assertThat(plan.sales().stream().filter(sale -> sale.tipMinor() > 0)).hasSize(1);
    Sale tipped = plan.tipped();
    assertThat(tipped.succeeds()).isTrue();
    assertThat(tipped.refundMinor()).isZero();
    assertThat(tipped.capturedMinor()).isGreaterThan(tipped.amountMinor());
  }

  @Test
  void aDayWhereEveryPaymentFailsHasNoTip() {
    DayPlan plan = DayPlan.of(ScenarioSettings.defaults(3).withPayments(1));

    assertThat(plan.tipped() == null).isEqualTo(plan.succeeded().isEmpty());
  }
}
