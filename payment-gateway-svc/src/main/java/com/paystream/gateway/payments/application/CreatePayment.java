package com.paystream.gateway.payments.application;

import com.paystream.platform.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/** A merchant's request to take a payment. */
public record CreatePayment(Money amount, String provider, Optional<String> reference) {

  public CreatePayment {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(reference, "reference");
  }

  /**
   * What makes two requests "the same body" for an Idempotency-Key: the fields, not the bytes, so
   * that a client re-serializing its JSON differently is not told it sent another request.
   */
  public byte[] fingerprint() {
    String canonical =
        amount.minor()
            + "|"
            + amount.currencyCode()
            + "|"
            + provider
            + "|"
            + reference.map(r -> "+" + r).orElse("-");
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
