package com.paystream.gateway.payments;

import com.paystream.platform.ids.PaymentId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page ended: the (created at, payment id) of its last payment. Opaque to clients
 * (base64url), so that its shape may change.
 */
public record PageCursor(Instant createdAt, PaymentId paymentId) {

  public String encode() {
    String raw = createdAt + "|" + paymentId.value();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor in {@code text}, or empty when it is not one of ours. */
  public static Optional<PageCursor> decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      if (bar < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new PageCursor(
              Instant.parse(raw.substring(0, bar)), new PaymentId(raw.substring(bar + 1))));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
