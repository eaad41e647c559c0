package com.paystream.gateway.webhooks.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.gateway.webhooks.RejectionReason;
import com.paystream.gateway.webhooks.SignatureCheck;
import com.paystream.gateway.webhooks.SigningKeys;
import com.paystream.gateway.webhooks.WebhookHeaders;
import com.paystream.simulator.StandardWebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandardWebhooksDialectTest {

  // The worked example of the Standard Webhooks specification.
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long SPEC_TIMESTAMP = 1614265330L;
  private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static final Instant SPEC_NOW = Instant.ofEpochSecond(SPEC_TIMESTAMP);

  private final StandardWebhooksDialect dialect =
      new StandardWebhooksDialect(Duration.ofMinutes(5));
  private final SigningKeys specKeys = dialect.keys(List.of(SPEC_SECRET));

  private static WebhookHeaders headers(String id, String timestamp, String signature) {
    Map<String, String> headers = new HashMap<>();
    if (id != null) {
      headers.put("webhook-id", id);
    }
    if (timestamp != null) {
      headers.put("webhook-timestamp", timestamp);
    }
    if (signature != null) {
      headers.put("webhook-signature", signature);
    }
    return WebhookHeaders.ofSingle(headers);
  }

  private static WebhookHeaders specHeaders(String signature) {
    return headers(SPEC_ID, Long.toString(SPEC_TIMESTAMP), signature);
  }

  private static RejectionReason reason(SignatureCheck check) {
    assertThat(check).isInstanceOf(SignatureCheck.Failed.class);
    return ((SignatureCheck.Failed) check).rejection().reason();
  }

  @Test
  void verifiesTheSpecificationsExample() {
    SignatureCheck check =
        dialect.verify(specHeaders(SPEC_SIGNATURE), SPEC_BODY, specKeys, SPEC_NOW);

    assertThat(check).isEqualTo(new SignatureCheck.Verified(Optional.of(SPEC_ID), SPEC_NOW));
  }

  @Test
  void signerProducesTheSpecificationsSignature() {
    assertThat(new StandardWebhookSigner(SPEC_SECRET).signature(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
        .isEqualTo(SPEC_SIGNATURE);
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    WebhookHeaders upper =
        WebhookHeaders.ofSingle(
            Map.of(
                "Webhook-Id", SPEC_ID,
                "WEBHOOK-TIMESTAMP", Long.toString(SPEC_TIMESTAMP),
                "Webhook-Signature", SPEC_SIGNATURE));

    assertThat(dialect.verify(upper, SPEC_BODY, specKeys, SPEC_NOW))
        .isInstanceOf(SignatureCheck.Verified.class);
  }

  @Test
  void anyOneOfSeveralSignaturesSuffices() {
    String several =
        "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1a,ignored " + SPEC_SIGNATURE;

    assertThat(dialect.verify(specHeaders(several), SPEC_BODY, specKeys, SPEC_NOW))
        .isInstanceOf(SignatureCheck.Verified.class);
  }

  @Test
  void acceptsASignatureByAnyActiveSecretDuringRotation() {
    SigningKeys rotated = dialect.keys(List.of(StandardWebhookSigner.newSecret(), SPEC_SECRET));

    assertThat(dialect.verify(specHeaders(SPEC_SIGNATURE), SPEC_BODY, rotated, SPEC_NOW))
        .isInstanceOf(SignatureCheck.Verified.class);
  }

  @Test
  void rejectsATamperedBody() {
    byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

    assertThat(reason(dialect.verify(specHeaders(SPEC_SIGNATURE), tampered, specKeys, SPEC_NOW)))
        .isEqualTo(RejectionReason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsASignatureMadeWithAnotherSecret() {
    SigningKeys other = dialect.keys(List.of(StandardWebhookSigner.newSecret()));

    assertThat(reason(dialect.verify(specHeaders(SPEC_SIGNATURE), SPEC_BODY, other, SPEC_NOW)))
        .isEqualTo(RejectionReason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsATamperedEventIdBecauseItIsSigned() {
    WebhookHeaders otherId = headers("msg_other", Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE);

    assertThat(reason(dialect.verify(otherId, SPEC_BODY, specKeys, SPEC_NOW)))
        .isEqualTo(RejectionReason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsTimestampsBeyondTheToleranceInEitherDirection() {
    Instant tooLate = SPEC_NOW.plus(Duration.ofMinutes(5)).plusSeconds(1);
    Instant tooEarly = SPEC_NOW.minus(Duration.ofMinutes(5)).minusSeconds(1);

    assertThat(reason(dialect.verify(specHeaders(SPEC_SIGNATURE), SPEC_BODY, specKeys, tooLate)))
        .isEqualTo(RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
    assertThat(reason(dialect.verify(specHeaders(SPEC_SIGNATURE), SPEC_BODY, specKeys, tooEarly)))
        .isEqualTo(RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void acceptsTimestampsAtTheEdgeOfTheTolerance() {
    Instant edge = SPEC_NOW.plus(Duration.ofMinutes(5));

    assertThat(dialect.verify(specHeaders(SPEC_SIGNATURE), SPEC_BODY, specKeys, edge))
        .isInstanceOf(SignatureCheck.Verified.class);
  }

  @Test
  void missingHeadersAreMissingHeaderRejections() {
    String ts = Long.toString(SPEC_TIMESTAMP);

    assertThat(
            reason(
                dialect.verify(headers(null, ts, SPEC_SIGNATURE), SPEC_BODY, specKeys, SPEC_NOW)))
        .isEqualTo(RejectionReason.MISSING_HEADER);
    assertThat(
            reason(
                dialect.verify(
                    headers(SPEC_ID, null, SPEC_SIGNATURE), SPEC_BODY, specKeys, SPEC_NOW)))
        .isEqualTo(RejectionReason.MISSING_HEADER);
    assertThat(reason(dialect.verify(headers(SPEC_ID, ts, null), SPEC_BODY, specKeys, SPEC_NOW)))
        .isEqualTo(RejectionReason.MISSING_HEADER);
  }

  @Test
  void unparsableHeadersAreMalformedHeaderRejections() {
    String ts = Long.toString(SPEC_TIMESTAMP);

    assertThat(
            reason(
                dialect.verify(
                    headers(SPEC_ID, "yesterday", SPEC_SIGNATURE), SPEC_BODY, specKeys, SPEC_NOW)))
        .isEqualTo(RejectionReason.MALFORMED_HEADER);
    assertThat(
            reason(
                dialect.verify(
                    headers(SPEC_ID, ts, "g0hM9SsE+OTPJTGt"), SPEC_BODY, specKeys, SPEC_NOW)))
        .isEqualTo(RejectionReason.MALFORMED_HEADER);
    assertThat(
            reason(dialect.verify(headers(SPEC_ID, ts, "v1,***"), SPEC_BODY, specKeys, SPEC_NOW)))
        .isEqualTo(RejectionReason.MALFORMED_HEADER);
    assertThat(
            reason(
                dialect.verify(
                    headers("id with spaces", ts, SPEC_SIGNATURE), SPEC_BODY, specKeys, SPEC_NOW)))
        .isEqualTo(RejectionReason.MALFORMED_HEADER);
  }

  @Test
  void aRepeatedHeaderIsMalformed() {
    WebhookHeaders repeated =
        WebhookHeaders.of(
            Map.of(
                "webhook-id", List.of(SPEC_ID, "msg_other"),
                "webhook-timestamp", List.of(Long.toString(SPEC_TIMESTAMP)),
                "webhook-signature", List.of(SPEC_SIGNATURE)));

    assertThat(reason(dialect.verify(repeated, SPEC_BODY, specKeys, SPEC_NOW)))
        .isEqualTo(RejectionReason.MALFORMED_HEADER);
  }

  @Test
  void refusesSecretsItCannotUseWithoutQuotingThem() {
    assertThatThrownBy(() -> dialect.keys(List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("MfKQ9r8G");
    assertThatThrownBy(() -> dialect.keys(List.of("whsec_not*base64!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not*base64");
    assertThatThrownBy(() -> dialect.keys(List.of("whsec_c2hvcnQ=")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dialect.keys(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsIdsTimestampAndSignatureForAudit() {
    assertThat(dialect.auditHeaders(specHeaders(SPEC_SIGNATURE)))
        .containsOnlyKeys("webhook-id", "webhook-timestamp", "webhook-signature");
  }

  @Test
  void signingKeysNeverPrintTheirContent() {
    assertThat(specKeys.toString()).doesNotContain("MfKQ").contains("redacted");
  }
}
