package com.paystream.ledger.payouts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A merchant payout's id: {@code mpo_} and 24 characters of base64url. Derived from the merchant
 * and the client's idempotency key (SHA-256, 144 of its bits), so a retried request names the same
 * payout, and the same key of another merchant another one. Its hold's id derives from it.
 */
public record PayoutId(String value) {

  private static final Pattern SHAPE = Pattern.compile("mpo_[A-Za-z0-9_-]{24}");

  public PayoutId {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a merchant payout id: " + value);
    }
  }

  /** Whether {@code text} has the shape of a payout id. */
  public static boolean isPayoutId(String text) {
    return text != null && SHAPE.matcher(text).matches();
  }

  public static PayoutId of(String merchantId, String idempotencyKey) {
    byte[] digest =
        sha256("paystream-ledger/merchant-payout/" + merchantId + "\n" + idempotencyKey);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    return new PayoutId("mpo_" + encoded.substring(0, 24));
  }

  /** The id of the payout's hold. */
  public UUID holdId() {
    return UUID.nameUUIDFromBytes(
        ("paystream-ledger/merchant-payout-hold/" + value).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return value;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
