package com.paystream.gateway.support.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tamper-proof page cursors: the position's text and an HMAC-SHA256 over it, both base64url. A
 * cursor the gateway did not sign (edited, truncated, made up) is refused before its content is
 * parsed. The key is {@code paystream.paging.cursor-key}; unset, each instance draws a random one
 * at start, so a cursor is good on the instance (and the run) that gave it out.
 */
public final class PageCursors {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_CURSOR = 512;

  private final byte[] key;

  public PageCursors(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("a cursor key needs at least 16 bytes");
    }
    this.key = key.clone();
  }

  /** From the configured key (its UTF-8 bytes), or a random one when blank. */
  public static PageCursors of(String configuredKey) {
    if (configuredKey == null || configuredKey.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return new PageCursors(random);
    }
    return new PageCursors(configuredKey.getBytes(StandardCharsets.UTF_8));
  }

  public String sign(String position) {
    byte[] raw = position.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(raw) + "." + ENCODER.encodeToString(mac(raw));
  }

  /** The position this gateway signed, or empty for anything else. */
  public Optional<String> verify(String cursor) {
    if (cursor == null || cursor.length() > MAX_CURSOR) {
      return Optional.empty();
    }
    int dot = cursor.indexOf('.');
    if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
      return Optional.empty();
    }
    try {
      byte[] raw = DECODER.decode(cursor.substring(0, dot));
      byte[] signature = DECODER.decode(cursor.substring(dot + 1));
      return MessageDigest.isEqual(mac(raw), signature)
          ? Optional.of(new String(raw, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(byte[] raw) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(raw);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
