package com.paystream.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
