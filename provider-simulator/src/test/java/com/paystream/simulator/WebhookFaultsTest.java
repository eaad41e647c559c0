package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookFaultsTest {

  @Test
  void theFourArgumentFormDelaysEveryWebhookWhenThereIsAMaxDelay() {
    assertThat(new WebhookFaults(0.1, 0.2, 0.3, Duration.ofMillis(50)))
        .isEqualTo(new WebhookFaults(0.1, 0.2, 0.3, 1.0, Duration.ofMillis(50)));
    assertThat(new WebhookFaults(0.1, 0.2, 0.3, Duration.ZERO).delayRate()).isZero();
    assertThat(WebhookFaults.NONE).isEqualTo(new WebhookFaults(0, 0, 0, Duration.ZERO));
  }

  @Test
  void ratesAreBetweenZeroAndOne() {
    for (double bad : new double[] {-0.1, 1.1, Double.NaN}) {
      assertThatThrownBy(() -> new WebhookFaults(bad, 0, 0, 0, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new WebhookFaults(0, bad, 0, 0, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new WebhookFaults(0, 0, bad, 0, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new WebhookFaults(0, 0, 0, bad, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new WebhookFaults(0, 0, 0, 0, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookFaults(0, 0, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new WebhookFaults(1, 1, 1, 1, Duration.ZERO).dropRate()).isEqualTo(1);
  }
}
