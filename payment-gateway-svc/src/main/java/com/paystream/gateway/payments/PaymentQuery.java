package com.paystream.gateway.payments;

import com.paystream.platform.ids.MerchantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of payments: by merchant (always, for merchants), optionally by status and creation time
 * window [from, to), newest first, continuing after {@code after} (keyset pagination: stable while
 * new payments arrive, unlike offsets).
 */
public record PaymentQuery(
    Optional<MerchantId> merchantId,
    Optional<PaymentStatus> status,
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<PageCursor> after,
    int limit) {

  public static final int MAX_LIMIT = 200;

  public PaymentQuery {
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
    }
  }
}
