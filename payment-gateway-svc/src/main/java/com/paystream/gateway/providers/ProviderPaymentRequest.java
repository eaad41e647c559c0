package com.paystream.gateway.providers;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.util.Optional;

/** What the provider needs to take a payment; our payment id is its idempotency key. */
public record ProviderPaymentRequest(
    PaymentId paymentId, MerchantId merchantId, Money amount, Optional<String> reference) {}
