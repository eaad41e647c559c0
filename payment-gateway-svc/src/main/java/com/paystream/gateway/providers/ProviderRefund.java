package com.paystream.gateway.providers;

/** A refund the provider accepted. */
public record ProviderRefund(String providerRefundId) {}
