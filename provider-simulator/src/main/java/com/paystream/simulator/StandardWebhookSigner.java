package com.paystream.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhooks the way a Standard Webhooks provider does: {@code webhook-signature: v1,<base64
 * HMAC-SHA256 of id.timestamp.body>}, keyed by the base64 part of a {@code whsec_} secret. Used by
 * the simulator, the tests, the intake benchmark and the local stack's demo snippet, so that they
 * all send exactly what a real provider sends.
 */
public final class StandardWebhookSigner {

  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";

  private static final String SECRET_PREFIX = "whsec_";
  private static final String ALGORITHM = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  /**
   * @param secret a {@code whsec_<base64>} secret as configured for the provider
   */
  public StandardWebhookSigner(String secret) {
    this.key = new SecretKeySpec(key(secret), ALGORITHM);
  }

  /** A fresh random secret of 32 bytes in the {@code whsec_} form. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  /** The HMAC key as hex, the form {@code openssl dgst -mac HMAC -macopt hexkey:} takes. */
  public static String hexKey(String secret) {
    return HexFormat.of().formatHex(key(secret));
  }

  /** The {@code webhook-signature} value for {@code body} with this id and timestamp. */
  public String signature(String eventId, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((eventId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The three Standard Webhooks headers for {@code body} sent at {@code at}. */
  public Map<String, String> headers(String eventId, Instant at, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ID_HEADER, eventId);
    headers.put(TIMESTAMP_HEADER, Long.toString(at.getEpochSecond()));
    headers.put(SIGNATURE_HEADER, signature(eventId, at.getEpochSecond(), body));
    return headers;
  }

  static byte[] key(String secret) {
    if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("a Standard Webhooks secret starts with " + SECRET_PREFIX);
    }
    return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
  }
}
