package com.paystream.ledger.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.ledger.input.web.LedgerInput;
import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.platform.money.Money;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerInputTest {

  private final LedgerInput input = new LedgerInput(InputPolicy.defaults());

  @Test
  void readsAWholeAmountAndRefusesAFractionRatherThanTruncatingIt() {
    assertThat(input.amount("amountMinor", new BigDecimal("150.00"), "EUR"))
        .isEqualTo(Money.of(150, "EUR"));
    assertRefused(
        () -> input.amount("amountMinor", new BigDecimal("1.5"), "EUR"),
        InputReason.NOT_AN_INTEGER,
        "amountMinor");
  }

  @Test
  void namesTheCurrencyFieldWhenTheCurrencyIsNotAccepted() {
    assertRefused(
        () -> input.amount("amountMinor", BigDecimal.ONE, "XAU"),
        InputReason.CURRENCY_NOT_ACCEPTED,
        "currency");
  }

  @Test
  void refusesAUuidThatJavaWouldReadButTheLedgerNeverIssues() {
    assertThat(UUID.fromString("1-1-1-1-1")).isNotNull();

    assertRefused(
        () -> input.uuid("holdId", "1-1-1-1-1"), InputReason.MALFORMED_IDENTIFIER, "holdId");
  }

  @Test
  void aPageSizeIsBoundByTheEndpointsOwnMaximumBelowThePolicys() {
    assertThat(input.pageSize("limit", Optional.of("500"), 100, 500)).isEqualTo(500);
    assertRefused(
        () -> input.pageSize("limit", Optional.of("501"), 100, 500),
        InputReason.PAGE_SIZE_OUT_OF_RANGE,
        "limit");
    assertThat(input.pageSize("limit", Optional.empty(), 100, 500)).isEqualTo(100);
  }

  @Test
  void aHugePageSizeIsOutOfRangeNotAParsingFailure() {
    assertRefused(
        () -> input.pageSize("limit", Optional.of("99999999999999999999"), 100, 500),
        InputReason.PAGE_SIZE_OUT_OF_RANGE,
        "limit");
  }

  private static void assertRefused(Runnable call, InputReason reason, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            InputRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.field()).isEqualTo(field);
            });
  }
}
