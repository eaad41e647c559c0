package com.paystream.gateway.providers;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * One provider's API. Every call is idempotent at the provider (keyed by our payment or refund id),
 * so the gateway may repeat any of them after a crash or timeout. Failures are errors of type
 * {@link ProviderUnavailable} (retry later) or {@link ProviderRefused} (the provider said no).
 */
public interface ProviderClient {

  Mono<ProviderPayment> createPayment(ProviderPaymentRequest request);

  /** The provider's view of our payment, or empty when the provider does not know it. */
  Mono<Optional<ProviderPaymentStatus>> paymentStatus(String paymentId);

  Mono<ProviderRefund> refund(ProviderRefundRequest request);

  /**
   * Cancels a payment the customer has not paid. {@link ProviderRefused} when the provider has
   * already taken it (then it is not ours to cancel).
   */
  Mono<Void> cancelPayment(String providerPaymentId);
}
