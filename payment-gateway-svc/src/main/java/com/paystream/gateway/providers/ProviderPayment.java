package com.paystream.gateway.providers;

/** A payment the provider created: its id, and where the customer goes to pay. */
public record ProviderPayment(String providerPaymentId, String redirectUrl) {}
