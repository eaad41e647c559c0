package com.paystream.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InputPolicyTest {

  private final InputPolicy policy = InputPolicy.defaults();

  @Test
  void instantsAndDatesOutsideTheRangeAreRefusedWithTheirReason() {
    assertThat(policy.instant("asOf", "2026-12-05T10:00:00Z"))
        .isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
    assertRefused(
        () -> policy.instant("asOf", "+1000000000-01-01T00:00:00Z"),
        InputReason.INSTANT_OUT_OF_RANGE);
    assertRefused(() -> policy.instant("asOf", "yesterday"), InputReason.MALFORMED);
    assertRefused(() -> policy.date("date", "+999999999-12-31"), InputReason.DATE_OUT_OF_RANGE);
    assertRefused(() -> policy.date("date", LocalDate.MIN), InputReason.DATE_OUT_OF_RANGE);
    assertRefused(() -> policy.instant("asOf", (String) null), InputReason.MISSING);
  }

  @Test
  void durationsAreBoundedAndPositive() {
    assertThat(policy.duration("olderThan", "PT15M")).isEqualTo(Duration.ofMinutes(15));
    assertRefused(
        () -> policy.duration("olderThan", "P999999999D"), InputReason.DURATION_OUT_OF_RANGE);
    assertRefused(() -> policy.duration("olderThan", "PT-1S"), InputReason.DURATION_OUT_OF_RANGE);
    assertRefused(() -> policy.duration("olderThan", "P0D"), InputReason.DURATION_OUT_OF_RANGE);
    assertRefused(() -> policy.duration("olderThan", "15 minutes"), InputReason.MALFORMED);
  }

  @Test
  void integersAreNeverTruncated() {
    assertThat(policy.integer("amountMinor", new BigDecimal("150"), 1, 1000)).isEqualTo(150);
    assertThat(policy.integer("amountMinor", new BigDecimal("1.50E2"), 1, 1000)).isEqualTo(150);
    assertRefused(
        () -> policy.integer("amountMinor", new BigDecimal("1.5"), 1, 1000),
        InputReason.NOT_AN_INTEGER);
    assertRefused(
        () -> policy.integer("amountMinor", new BigDecimal("1e30"), 1, Long.MAX_VALUE),
        InputReason.INTEGER_OUT_OF_RANGE);
  }

  @Test
  void onlyAllowedCurrenciesUpToTheirMaximum() {
    assertThat(policy.amount("amount", 1999, "EUR").minor()).isEqualTo(1999);
    assertThat(policy.currency("currency", "JPY").minorUnits()).isZero();
    assertRefused(() -> policy.currency("currency", "XXX"), InputReason.CURRENCY_NOT_ACCEPTED);
    assertRefused(() -> policy.currency("currency", "XAU"), InputReason.CURRENCY_NOT_ACCEPTED);
    assertRefused(() -> policy.currency("currency", "eur"), InputReason.CURRENCY_NOT_ACCEPTED);
    assertRefused(
        () -> policy.amount("amount", Long.MAX_VALUE, "EUR"), InputReason.AMOUNT_OVER_MAXIMUM);
    assertRefused(() -> policy.amount("amount", 0, "EUR"), InputReason.AMOUNT_NOT_POSITIVE);
    assertThatThrownBy(() -> AcceptedCurrency.of("XAU", 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textIdentifiersAndPagesAreCapped() {
    assertThat(policy.text("reason", "fraud check")).isEqualTo("fraud check");
    assertThat(policy.text("reason", null)).isNull();
    assertRefused(() -> policy.text("reason", "x".repeat(100_000)), InputReason.TEXT_TOO_LONG);
    assertThat(policy.identifier("id", "pay_0001:a-b.c")).isEqualTo("pay_0001:a-b.c");
    assertRefused(() -> policy.identifier("id", "a/b"), InputReason.MALFORMED_IDENTIFIER);
    assertRefused(() -> policy.identifier("id", "x".repeat(65)), InputReason.MALFORMED_IDENTIFIER);
    assertThat(policy.pageSize("limit", 1000)).isEqualTo(1000);
    assertRefused(() -> policy.pageSize("limit", 1001), InputReason.PAGE_SIZE_OUT_OF_RANGE);
    assertRefused(() -> policy.pageSize("limit", 0), InputReason.PAGE_SIZE_OUT_OF_RANGE);
  }

  @Test
  void aRefusalEchoesOnlyAShortPrefixWithoutControlCharacters() {
    String huge = "\n" + "y".repeat(100_000);
    InputRefusedException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            InputRefusedException.class, () -> policy.text("reason", huge));
    assertThat(refused.getMessage()).hasSizeLessThan(200).doesNotContain("\n");
    assertThat(refused.field()).isEqualTo("reason");
    assertThat(refused.reason().code()).isEqualTo("text-too-long");
  }

  private static void assertRefused(Runnable call, InputReason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            InputRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
