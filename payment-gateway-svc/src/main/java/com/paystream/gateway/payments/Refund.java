package com.paystream.gateway.payments;

import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * A refund of (part of) a payment. REQUESTED reserves the amount under the payment's lock before
 * the provider is asked; SUBMITTED once the provider took it; FAILED if it refused (the amount is
 * free again).
 */
public record Refund(
    String refundId,
    PaymentId paymentId,
    Money amount,
    Status status,
    String reason,
    String requestedBy,
    Optional<String> providerRefundId,
    Instant createdAt) {

  /** Where a refund stands. */
  public enum Status {
    REQUESTED,
    SUBMITTED,
    FAILED
  }
}
