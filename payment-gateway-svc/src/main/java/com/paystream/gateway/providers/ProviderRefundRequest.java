package com.paystream.gateway.providers;

import com.paystream.platform.money.Money;

/** A refund to execute; our refund id is the provider's idempotency key. */
public record ProviderRefundRequest(String refundId, String providerPaymentId, Money amount) {}
