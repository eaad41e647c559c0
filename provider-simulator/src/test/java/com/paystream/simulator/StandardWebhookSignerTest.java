package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandardWebhookSignerTest {

  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

  @Test
  void matchesTheStandardWebhooksReferenceVector() {
    String signature =
        new StandardWebhookSigner(SPEC_SECRET)
            .signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, SPEC_BODY);

    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void headersCarryTheIdTheTimestampAndTheSignature() {
    assertThat(
            new StandardWebhookSigner(SPEC_SECRET)
                .headers(
                    "msg_p5jXN8AQM9LWM0D4loKWxJek", Instant.ofEpochSecond(1614265330L), SPEC_BODY))
        .containsExactly(
            entry("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
            entry("webhook-timestamp", "1614265330"),
            entry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
  }

  @Test
  void rejectsASecretWithoutThePrefix() {
    assertThatThrownBy(() -> new StandardWebhookSigner("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StandardWebhookSigner.hexKey("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newSecretsAreThirtyTwoRandomBytes() {
    String secret = StandardWebhookSigner.newSecret();

    assertThat(StandardWebhookSigner.key(secret)).hasSize(32);
    assertThat(secret).isNotEqualTo(StandardWebhookSigner.newSecret());
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }
}
