package com.paystream.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/** Properties of {@link FeeSchedule} over generated amounts and schedules (QuickTheories). */
class FeeSchedulePropertyTest {

  @Test
  void feeStaysWithinZeroAndTheAmount() {
    qt().withExamples(1_000)
        .forAll(
            longs().between(0, Long.MAX_VALUE / 10_000),
            longs().between(0, 10_000),
            longs().between(0, 1_000_000))
        .checkAssert(
            (amount, bps, fixed) -> {
              Money fee = new FeeSchedule(bps, fixed).feeFor(Money.of(amount, "EUR"));

              assertThat(fee.minor()).isBetween(0L, amount);
            });
  }
}
