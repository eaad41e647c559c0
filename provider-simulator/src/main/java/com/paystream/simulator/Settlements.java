package com.paystream.simulator;

import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/**
 * A payment settles at the provider and the provider tells the gateway: the store takes the new
 * status, then the webhook goes out. Shared by the customer's checkout page and the tests' direct
 * {@link ProviderSimulator#settle}.
 */
final class Settlements {

  private final PaymentStore store;
  private final WebhookDelivery delivery;

  Settlements(PaymentStore store, WebhookDelivery delivery) {
    this.store = store;
    this.delivery = delivery;
  }

  /**
   * Completes once the fate of the webhook's first send is decided (see {@link
   * WebhookDelivery#announce}); fails only for an unknown payment.
   */
  Mono<Void> settle(String paymentId, String status, OptionalLong capturedAmountMinor) {
    return store
        .settle(paymentId, status, capturedAmountMinor)
        .map(delivery::announce)
        .orElseGet(() -> Mono.error(new IllegalArgumentException("unknown payment " + paymentId)));
  }
}
