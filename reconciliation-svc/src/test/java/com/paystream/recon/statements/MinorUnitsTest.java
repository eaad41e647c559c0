package com.paystream.recon.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MinorUnitsTest {

  @Test
  void convertsDecimalsExactlyByTheCurrencysMinorDigits() {
    assertThat(MinorUnits.of(new BigDecimal("125.50"), "EUR").minor()).isEqualTo(12550);
    assertThat(MinorUnits.of(new BigDecimal("125.5"), "EUR").minor()).isEqualTo(12550);
    assertThat(MinorUnits.of(new BigDecimal("1580"), "JPY").minor()).isEqualTo(1580);
    assertThat(MinorUnits.of(new BigDecimal("1.234"), "BHD").minor()).isEqualTo(1234);
    assertThat(MinorUnits.of(new BigDecimal("80.000"), "EUR").minor()).isEqualTo(8000);
  }

  @Test
  void refusesFractionalMinorUnitsInsteadOfRounding() {
    MinorUnits.Result result = MinorUnits.of(new BigDecimal("1999.995"), "GBP");

    assertThat(result.ok()).isFalse();
    assertThat(result.refusal()).contains("more decimals than GBP has minor digits (2)");
    assertThat(MinorUnits.of(new BigDecimal("1.5"), "JPY").ok()).isFalse();
  }

  @Test
  void refusesNonPositiveAmountsAndUnknownCurrencies() {
    assertThat(MinorUnits.of(new BigDecimal("0.00"), "EUR").refusal()).contains("not positive");
    assertThat(MinorUnits.of(new BigDecimal("-1"), "EUR").ok()).isFalse();
    assertThat(MinorUnits.of(new BigDecimal("1"), "EURO").refusal()).contains("ISO 4217");
    assertThat(MinorUnits.of(new BigDecimal("1"), "XXX").refusal()).contains("no minor unit");
  }

  @Test
  void refusesAmountsBeyondALong() {
    assertThat(MinorUnits.of(new BigDecimal("999999999999999999999"), "EUR").refusal())
        .contains("too large");
  }
}
