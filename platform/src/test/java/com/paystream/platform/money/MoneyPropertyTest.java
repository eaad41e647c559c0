package com.paystream.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/** Properties of {@link Money} over generated amounts (QuickTheories: generators, shrinking). */
class MoneyPropertyTest {

  private static final long TRILLION = 1_000_000_000_000L;

  @Test
  void plusThenMinusIsIdentity() {
    qt().withExamples(1_000)
        .forAll(longs().between(-TRILLION, TRILLION), longs().between(-TRILLION, TRILLION))
        .checkAssert(
            (a, b) -> {
              Money x = Money.of(a, "JPY");
              Money y = Money.of(b, "JPY");

              assertThat(x.plus(y).minus(y)).isEqualTo(x);
            });
  }
}
