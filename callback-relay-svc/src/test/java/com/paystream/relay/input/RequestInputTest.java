package com.paystream.relay.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RequestInputTest {

  private final RequestInput input = new RequestInput(InputPolicy.defaults());

  @Test
  void anAgeIsPositiveAndBounded() {
    assertThat(input.age("olderThan", "15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(input.age("olderThan", "P7D")).isEqualTo(Duration.ofDays(7));
    assertThat(input.age("olderThan", " ")).isNull();
    assertRefused(() -> input.age("olderThan", "P999999999D"), InputReason.DURATION_OUT_OF_RANGE);
    assertRefused(() -> input.age("olderThan", "PT0S"), InputReason.DURATION_OUT_OF_RANGE);
    assertRefused(() -> input.age("olderThan", "-PT1H"), InputReason.DURATION_OUT_OF_RANGE);
    assertRefused(() -> input.age("olderThan", "yesterday"), InputReason.MALFORMED);
  }

  @Test
  void aPageSizeOutOfRangeIsRefusedNotClamped() {
    assertThat(input.pageSize("limit", null, 50, 500)).isEqualTo(50);
    assertThat(input.pageSize("limit", "500", 50, 500)).isEqualTo(500);
    assertRefused(
        () -> input.pageSize("limit", "501", 50, 500), InputReason.PAGE_SIZE_OUT_OF_RANGE);
    assertRefused(() -> input.pageSize("limit", "0", 50, 500), InputReason.PAGE_SIZE_OUT_OF_RANGE);
    assertRefused(() -> input.pageSize("limit", "1.5", 50, 500), InputReason.NOT_AN_INTEGER);
    assertRefused(
        () -> input.pageSize("limit", "9223372036854775808", 50, 500),
        InputReason.INTEGER_OUT_OF_RANGE);
    assertRefused(() -> input.pageSize("limit", "many", 50, 500), InputReason.NOT_AN_INTEGER);
  }

  @Test
  void identifiersUuidsAndCursorsHaveTheirShape() {
    assertThat(input.identifier("paymentId", "pay-1")).isEqualTo("pay-1");
    assertRefused(() -> input.identifier("paymentId", "a/b"), InputReason.MALFORMED_IDENTIFIER);
    assertRefused(() -> input.uuid("approvalId", "not-a-uuid"), InputReason.MALFORMED_IDENTIFIER);
    assertRefused(() -> input.cursor("cursor", "c".repeat(65)), InputReason.MALFORMED_CURSOR);
  }

  @Test
  void aRedriveReasonIsRequiredAndCapped() {
    assertRefused(() -> input.requiredText("reason", " ", "why"), InputReason.MISSING);
    assertRefused(
        () -> input.requiredText("reason", "r".repeat(501), "why"), InputReason.TEXT_TOO_LONG);
    assertThat(input.requiredText("reason", " ledger fixed ", "why")).isEqualTo("ledger fixed");
  }

  private static void assertRefused(ThrowingCallable call, InputReason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InputRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
