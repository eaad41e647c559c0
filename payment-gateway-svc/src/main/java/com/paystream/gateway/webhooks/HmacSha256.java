package com.paystream.gateway.webhooks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and its constant-time comparison, shared by the dialects and signers. */
public final class HmacSha256 {

  private static final String ALGORITHM = "HmacSHA256";

  private HmacSha256() {}

  /** The MAC of the concatenation of {@code parts}, as if they were one message. */
  public static byte[] mac(byte[] key, byte[]... parts) {
    try {
      // A Mac is not thread-safe and is cheap to create next to the cost of a webhook.
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }

  /** Compares without leaking through timing how many leading bytes matched. */
  public static boolean matches(byte[] expected, byte[] candidate) {
    return MessageDigest.isEqual(expected, candidate);
  }
}
