package com.paystream.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API key tokens: {@code psk_<key id>_<secret>}. The key id is public (it names the key in logs and
 * audit); the secret is 32 random bytes. Only the SHA-256 of the whole token is ever stored: the
 * token holds 256 random bits, so a fast hash leaves nothing to brute-force.
 */
public final class ApiKeyToken {

  private static final Pattern TOKEN =
      Pattern.compile("psk_([A-Za-z0-9]{8,32})_([A-Za-z0-9_-]{43})");
  private static final String KEY_ID_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeyToken() {}

  /** A freshly minted key: hand {@code token} to its owner once, keep only {@code sha256Hex}. */
  public record Issued(String keyId, String token, String sha256Hex) {

    @Override
    public String toString() {
      return "Issued[keyId=" + keyId + ", token redacted]";
    }
  }

  public static Issued issue() {
    StringBuilder keyId = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      keyId.append(KEY_ID_ALPHABET.charAt(RANDOM.nextInt(KEY_ID_ALPHABET.length())));
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token =
        "psk_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new Issued(keyId.toString(), token, HexFormat.of().formatHex(sha256(token)));
  }

  /** Whether a bearer token has the shape of an API key (rather than, say, a JWT). */
  public static boolean looksLikeApiKey(String token) {
    return token.startsWith("psk_");
  }

  /** The key id of a well-formed token; empty for anything else. */
  public static Optional<String> keyId(String token) {
    Matcher matcher = TOKEN.matcher(token);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
