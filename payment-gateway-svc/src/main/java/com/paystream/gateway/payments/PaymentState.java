package com.paystream.gateway.payments;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.util.Objects;

/** What the state machine needs to know about a payment: whose it is, how much, and where. */
public record PaymentState(
    PaymentId paymentId, MerchantId merchantId, Money amount, PaymentStatus status) {

  public PaymentState {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(status, "status");
  }
}
