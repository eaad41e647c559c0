package com.paystream.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void addsAndSubtractsInMinorUnits() {
    Money a = Money.of(1999, "EUR");
    Money b = Money.of(1, "EUR");

    assertThat(a.plus(b)).isEqualTo(Money.of(2000, "EUR"));
    assertThat(a.minus(b)).isEqualTo(Money.of(1998, "EUR"));
  }

  @Test
  void refusesToMixCurrencies() {
    assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(100, "USD")))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("cannot combine EUR with USD");
  }

  @Test
  void refusesOverflowInsteadOfWrappingAround() {
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void rejectsWhatIsNotAnIso4217Code() {
    assertThatThrownBy(() -> Money.of(1, "EURO"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EURO");
    assertThatThrownBy(() -> Money.of(1, "XYZ"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XYZ");
  }

  @Property
  void plusThenMinusIsIdentity(
      @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
      @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
    Money x = Money.of(a, "JPY");
    Money y = Money.of(b, "JPY");

    assertThat(x.plus(y).minus(y)).isEqualTo(x);
  }
}
