package com.paystream.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandardWebhookSignatureTest {

  @Test
  void matchesTheStandardWebhooksReferenceVector() {
    String signature =
        StandardWebhookSignature.sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330L,
            "{\"test\": 2432232314}");

    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void rejectsASecretWithoutThePrefix() {
    assertThatThrownBy(() -> StandardWebhookSignature.hexKey("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDemoSecretIsAThirtyTwoByteKey() {
    assertThat(StandardWebhookSignature.key(DemoProvider.WEBHOOK_SECRET)).hasSize(32);
  }
}
