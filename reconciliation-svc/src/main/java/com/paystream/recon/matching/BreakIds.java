package com.paystream.recon.matching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Break ids every client can put in a URL. The natural key of a break ({@code <unit key>:<n>}) may
 * hold anything a statement carries ({@code /}, spaces, {@code %}); the id is {@code brk_} and the
 * first 24 characters of the URL-safe Base64 of its SHA-256 (144 bits: no collision among any
 * number of breaks one suite will ever see). The same natural key always gives the same id, so a
 * unit restored from its changelog or a result re-derived after a crash names its break as before.
 * What the key said (the statement line's reference, its statement) travels beside the id as fields
 * of its own.
 */
public final class BreakIds {

  static final String PREFIX = "brk_";
  private static final int HASH_CHARS = 24;

  /** What {@link #of} produces: the shape a break id in a request must have. */
  public static final Pattern SHAPE = Pattern.compile("brk_[A-Za-z0-9_-]{24}");

  private BreakIds() {}

  /** The opaque id of the break whose natural key is {@code naturalKey}. */
  public static String of(String naturalKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(naturalKey.getBytes(StandardCharsets.UTF_8));
      String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
      return PREFIX + encoded.substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
