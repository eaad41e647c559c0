package com.paystream.gateway.webhooks.standard;

import java.util.Base64;

/** Decodes {@code whsec_<base64>} secrets into HMAC keys. */
final class StandardWebhooksSecret {

  static final String PREFIX = "whsec_";

  /** The spec asks for 24 to 64 random bytes; 16 is the floor below which we refuse to start. */
  private static final int MIN_KEY_BYTES = 16;

  private StandardWebhooksSecret() {}

  static byte[] decode(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a Standard Webhooks secret starts with " + PREFIX);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      // The cause would quote the offending character of the secret: leave it out.
      throw new IllegalArgumentException("a Standard Webhooks secret is base64 after " + PREFIX);
    }
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a Standard Webhooks secret must decode to at least " + MIN_KEY_BYTES + " bytes");
    }
    return key;
  }
}
