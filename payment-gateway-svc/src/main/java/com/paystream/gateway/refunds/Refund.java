package com.paystream.gateway.refunds;

import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.gateway.refunds.RefundResult.Reason;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * A refund of (part of) a payment. REQUESTED reserves the amount under the payment's lock before
 * the provider is asked; SUBMITTED once the provider took it; FAILED if it refused (the amount is
 * free again). Only a REQUESTED refund settles; settling it twice is a bug and throws.
 */
public record Refund(
    String refundId,
    PaymentId paymentId,
    Money amount,
    Status status,
    String reason,
    String requestedBy,
    Optional<String> providerRefundId,
    Instant createdAt)
    implements RefundReservation {

  /** Where a refund stands. */
  public enum Status {
    REQUESTED,
    SUBMITTED,
    FAILED
  }

  /**
   * Reserves a refund of {@code amount} of {@code payment}: in the payment's currency, of a
   * SUCCEEDED payment, within what is left to refund; otherwise declined, saying why.
   */
  public static RefundReservation reserve(
      String refundId,
      PaymentView payment,
      Money amount,
      String reason,
      String requestedBy,
      Instant now) {
    if (!amount.currency().equals(payment.amount().currency())) {
      return new RefundResult.Declined(
          Reason.INVALID_REQUEST,
          "a refund is in the payment's currency, " + payment.amount().currencyCode());
    }
    if (payment.status() != PaymentStatus.SUCCEEDED) {
      return new RefundResult.Declined(
          Reason.INVALID_STATE,
          "cannot refund payment " + payment.paymentId() + " in status " + payment.status());
    }
    if (amount.compareTo(payment.refundable()) > 0) {
      return new RefundResult.Declined(
          Reason.EXCEEDS_REFUNDABLE,
          "refund of "
              + amount.minor()
              + " exceeds the refundable "
              + payment.refundable().minor());
    }
    return new Refund(
        refundId,
        payment.paymentId(),
        amount,
        Status.REQUESTED,
        reason,
        requestedBy,
        Optional.empty(),
        now);
  }

  /** The provider took it, under its own id. */
  public Refund submitted(String byProviderRefundId) {
    return settled(Status.SUBMITTED, Optional.of(byProviderRefundId));
  }

  /** The provider refused it (or can never be asked): the amount is free again. */
  public Refund failed() {
    return settled(Status.FAILED, Optional.empty());
  }

  private Refund settled(Status to, Optional<String> byProviderRefundId) {
    if (status != Status.REQUESTED) {
      throw new IllegalStateException(
          String.format("cannot settle refund %s in status %s", refundId, status));
    }
    return new Refund(
        refundId, paymentId, amount, to, reason, requestedBy, byProviderRefundId, createdAt);
  }
}
