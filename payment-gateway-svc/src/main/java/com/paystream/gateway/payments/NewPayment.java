package com.paystream.gateway.payments;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment to create in status CREATED.
 *
 * @param origin API when a merchant asked for it; CALLBACK when a provider reported a payment we
 *     had never seen (it is created from the provider's data so that the money is not lost);
 *     OPERATOR when an operator recorded it from evidence (a supplement)
 */
public record NewPayment(
    PaymentId paymentId,
    MerchantId merchantId,
    String provider,
    Optional<String> providerPaymentId,
    Money amount,
    Origin origin) {

  public NewPayment {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerPaymentId, "providerPaymentId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(origin, "origin");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a payment amount is never negative: " + amount);
    }
  }

  /** How a payment came to exist. */
  public enum Origin {
    API,
    CALLBACK,
    OPERATOR
  }
}
