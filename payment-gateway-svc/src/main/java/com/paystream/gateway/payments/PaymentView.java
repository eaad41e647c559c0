package com.paystream.gateway.payments;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * A payment as the API shows it.
 *
 * @param refunded the sum of its refunds that were not refused
 * @param attention why an operator must look at it, when something is open
 */
public record PaymentView(
    PaymentId paymentId,
    MerchantId merchantId,
    String provider,
    Optional<String> providerPaymentId,
    Money amount,
    Money refunded,
    PaymentStatus status,
    Optional<String> attention,
    NewPayment.Origin origin,
    Optional<String> reference,
    Optional<String> redirectUrl,
    Instant createdAt,
    Instant updatedAt) {

  public PaymentState state() {
    return new PaymentState(paymentId, merchantId, amount, status);
  }

  /** What can still be refunded: the captured amount minus refunds already made or under way. */
  public Money refundable() {
    return status == PaymentStatus.SUCCEEDED
        ? amount.minus(refunded)
        : Money.zero(amount.currency());
  }
}
