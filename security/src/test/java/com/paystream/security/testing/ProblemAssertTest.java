package com.paystream.security.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The corpus tests' one judge must itself refuse what a refusal must not be. */
class ProblemAssertTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String SENT = "y".repeat(1000);

  @Test
  void acceptsAShortProblemWithAReason() {
    String body =
        "{\"status\":400,\"reason\":\"text-too-long\",\"detail\":\"" + "y".repeat(40) + "\"}";

    assertThatCode(() -> ProblemAssert.assertRefused(400, PROBLEM, body, SENT))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAnEchoBeyondFortyCharacters() {
    String body =
        "{\"status\":400,\"reason\":\"text-too-long\",\"detail\":\"" + "y".repeat(41) + "\"}";

    assertThatThrownBy(() -> ProblemAssert.assertRefused(400, PROBLEM, body, SENT))
        .hasMessageContaining("repeated");
  }

  @Test
  void refusesA5xxPlainJsonOrAMissingReason() {
    assertThatThrownBy(
            () ->
                ProblemAssert.assertRefused(
                    500, PROBLEM, "{\"status\":500,\"reason\":\"x\"}", null))
        .hasMessageContaining("status");
    assertThatThrownBy(
            () ->
                ProblemAssert.assertRefused(
                    400, "application/json", "{\"status\":400,\"reason\":\"x\"}", null))
        .hasMessageContaining("content type");
    assertThatThrownBy(() -> ProblemAssert.assertRefused(400, PROBLEM, "{\"status\":400}", null))
        .isNotNull();
  }
}
