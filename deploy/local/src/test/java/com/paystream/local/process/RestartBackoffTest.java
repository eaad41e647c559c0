package com.paystream.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

  private final RestartBackoff backoff =
      new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(60));

  @Test
  void doublesUpToTheCapWhileAChildKeepsCrashing() {
    Duration quickCrash = Duration.ofSeconds(2);

    assertThat(backoff.nextDelay(quickCrash)).hasSeconds(1);
    assertThat(backoff.nextDelay(quickCrash)).hasSeconds(2);
    assertThat(backoff.nextDelay(quickCrash)).hasSeconds(4);
    assertThat(backoff.nextDelay(quickCrash)).hasSeconds(5);
    assertThat(backoff.nextDelay(quickCrash)).hasSeconds(5);
  }

  @Test
  void startsOverAfterAChildRanLongEnough() {
    backoff.nextDelay(Duration.ZERO);
    backoff.nextDelay(Duration.ZERO);

    assertThat(backoff.nextDelay(Duration.ofMinutes(5))).hasSeconds(1);
  }
}
