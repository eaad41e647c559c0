package com.paystream.gateway.statusquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPolicyTest {

  private final QueryPolicy policy =
      new QueryPolicy(
          Duration.ofMinutes(5),
          List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)),
          Duration.ofHours(6),
          Duration.ofDays(7));

  @Test
  void waitsFollowTheBackoffThenRepeatAtTheLongInterval() {
    assertThat(policy.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.waitAfter(2)).isEqualTo(Duration.ofMinutes(5));
    assertThat(policy.waitAfter(3)).isEqualTo(Duration.ofMinutes(15));
    assertThat(policy.waitAfter(4)).isEqualTo(Duration.ofHours(6));
    assertThat(policy.waitAfter(400)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void queryingExpiresAfterTheMaxAge() {
    Instant started = Instant.parse("2026-01-01T00:00:00Z");

    assertThat(policy.expired(started, started.plus(Duration.ofDays(7)))).isFalse();
    assertThat(policy.expired(started, started.plus(Duration.ofDays(7)).plusSeconds(1))).isTrue();
  }

  @Test
  void refusesNonPositiveDurations() {
    assertThatThrownBy(
            () ->
                new QueryPolicy(Duration.ZERO, List.of(), Duration.ofHours(6), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
    assertThatThrownBy(
            () ->
                new QueryPolicy(
                    Duration.ofMinutes(1),
                    List.of(Duration.ofSeconds(-1)),
                    Duration.ofHours(6),
                    Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoff");
  }
}
