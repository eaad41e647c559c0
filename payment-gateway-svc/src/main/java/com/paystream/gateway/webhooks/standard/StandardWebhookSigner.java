package com.paystream.gateway.webhooks.standard;

import com.paystream.gateway.webhooks.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs webhooks the way a Standard Webhooks provider does. Used by the tests, the provider
 * simulator and the intake benchmark, so that they exercise exactly what a real provider sends.
 */
public final class StandardWebhookSigner {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  /**
   * @param secret a {@code whsec_<base64>} secret as configured for the provider
   */
  public StandardWebhookSigner(String secret) {
    this.key = StandardWebhooksSecret.decode(secret);
  }

  /** A fresh random secret of 32 bytes in the {@code whsec_} form. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return StandardWebhooksSecret.PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  /** The {@code webhook-signature} value: {@code v1,<base64 HMAC of id.timestamp.body>}. */
  public String signature(String eventId, long timestampSeconds, byte[] body) {
    byte[] prefix = (eventId + "." + timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII);
    return StandardWebhooksDialect.VERSION_PREFIX
        + Base64.getEncoder().encodeToString(HmacSha256.mac(key, prefix, body));
  }

  /** The three Standard Webhooks headers for {@code body} sent at {@code at}. */
  public Map<String, String> headers(String eventId, Instant at, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(StandardWebhooksDialect.ID, eventId);
    headers.put(StandardWebhooksDialect.TIMESTAMP, Long.toString(at.getEpochSecond()));
    headers.put(StandardWebhooksDialect.SIGNATURE, signature(eventId, at.getEpochSecond(), body));
    return headers;
  }
}
