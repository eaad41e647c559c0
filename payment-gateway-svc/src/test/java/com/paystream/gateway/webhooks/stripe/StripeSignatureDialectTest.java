package com.paystream.gateway.webhooks.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.gateway.webhooks.RejectionReason;
import com.paystream.gateway.webhooks.SignatureCheck;
import com.paystream.gateway.webhooks.SigningKeys;
import com.paystream.gateway.webhooks.WebhookHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeSignatureDialectTest {

  private static final String SECRET = "whsec_test_secret_for_stripe_dialect";
  private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant SIGNED_AT = Instant.ofEpochSecond(1769860800L);
  // HMAC-SHA256(SECRET, "1769860800." + BODY), computed independently (Python hmac).
  private static final String EXPECTED_HEX =
      "ec0415ce9eb12230ee8c5bdc760c18ab267e08f8c111856e2fa412c062c64f40";

  private final StripeSignatureDialect dialect = new StripeSignatureDialect(Duration.ofMinutes(5));
  private final SigningKeys keys = dialect.keys(List.of(SECRET));

  private static WebhookHeaders header(String value) {
    return WebhookHeaders.ofSingle(Map.of("stripe-signature", value));
  }

  private RejectionReason reason(String header, Instant now) {
    SignatureCheck check = dialect.verify(header(header), BODY, keys, now);
    assertThat(check).isInstanceOf(SignatureCheck.Failed.class);
    return ((SignatureCheck.Failed) check).rejection().reason();
  }

  @Test
  void signerMatchesAnIndependentComputation() {
    assertThat(new StripeSigner(SECRET).header(SIGNED_AT, BODY))
        .isEqualTo("t=1769860800,v1=" + EXPECTED_HEX);
  }

  @Test
  void verifiesAValidSignatureAmongOthers() {
    String header = "t=1769860800,v0=abcd,v1=" + "00".repeat(32) + ",v1=" + EXPECTED_HEX;

    assertThat(dialect.verify(header(header), BODY, keys, SIGNED_AT.plusSeconds(10)))
        .isEqualTo(new SignatureCheck.Verified(Optional.empty(), SIGNED_AT));
  }

  @Test
  void acceptsAnyActiveSecretDuringARoll() {
    SigningKeys rolled = dialect.keys(List.of("whsec_the_new_secret_0001", SECRET));

    assertThat(dialect.verify(header("t=1769860800,v1=" + EXPECTED_HEX), BODY, rolled, SIGNED_AT))
        .isInstanceOf(SignatureCheck.Verified.class);
  }

  @Test
  void rejectsATamperedTimestampBecauseItIsSigned() {
    assertThat(reason("t=1769860801,v1=" + EXPECTED_HEX, SIGNED_AT))
        .isEqualTo(RejectionReason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsStaleSignatures() {
    assertThat(reason("t=1769860800,v1=" + EXPECTED_HEX, SIGNED_AT.plus(Duration.ofMinutes(6))))
        .isEqualTo(RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "v1=abcd",
        "t=1769860800",
        "t=now,v1=abcd",
        "t=1769860800,v1=xyz",
        "t=1,t=2,v1=abcd",
        "garbage"
      })
  void rejectsUnparsableHeadersAsMalformed(String header) {
    assertThat(reason(header, SIGNED_AT)).isEqualTo(RejectionReason.MALFORMED_HEADER);
  }

  @Test
  void aMissingHeaderIsMissing() {
    SignatureCheck check = dialect.verify(WebhookHeaders.ofSingle(Map.of()), BODY, keys, SIGNED_AT);

    assertThat(((SignatureCheck.Failed) check).rejection().reason())
        .isEqualTo(RejectionReason.MISSING_HEADER);
  }

  @Test
  void refusesShortSecrets() {
    assertThatThrownBy(() -> dialect.keys(List.of("short")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("short");
  }
}
