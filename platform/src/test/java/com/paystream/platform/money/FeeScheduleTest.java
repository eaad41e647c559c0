package com.paystream.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeeScheduleTest {

  @Test
  void chargesBasisPointsPlusFixedFee() {
    FeeSchedule schedule = new FeeSchedule(290, 25); // 2.9 % + 0.25

    assertThat(schedule.feeFor(Money.of(10_000, "EUR"))).isEqualTo(Money.of(315, "EUR"));
  }

  @Test
  void roundsHalfUpToTheMinorUnit() {
    FeeSchedule schedule = new FeeSchedule(150, 0); // 1.5 %

    assertThat(schedule.feeFor(Money.of(100, "EUR")).minor()).isEqualTo(2); // 1.5 -> 2
    assertThat(schedule.feeFor(Money.of(99, "EUR")).minor()).isEqualTo(1); // 1.485 -> 1
  }

  @Test
  void neverChargesMoreThanTheAmount() {
    FeeSchedule schedule = new FeeSchedule(0, 30);

    assertThat(schedule.feeFor(Money.of(10, "EUR"))).isEqualTo(Money.of(10, "EUR"));
  }

  @Test
  void rejectsImpossibleSchedules() {
    assertThatThrownBy(() -> new FeeSchedule(10_001, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FeeSchedule(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
