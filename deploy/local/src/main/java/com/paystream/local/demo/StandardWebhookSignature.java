package com.paystream.local.demo;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code v1,base64(HMAC-SHA256(key, id + "." + timestamp + "." +
 * body))}, where the key is the base64 part of a {@code whsec_} secret.
 */
public final class StandardWebhookSignature {

  private static final String SECRET_PREFIX = "whsec_";

  private StandardWebhookSignature() {}

  public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      String signed = webhookId + "." + timestampSeconds + "." + body;
      byte[] digest = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The HMAC key as hex, the form {@code openssl dgst -macopt hexkey:} takes. */
  public static String hexKey(String secret) {
    return HexFormat.of().formatHex(key(secret));
  }

  static byte[] key(String secret) {
    if (!secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("a Standard Webhooks secret starts with " + SECRET_PREFIX);
    }
    return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
  }
}
