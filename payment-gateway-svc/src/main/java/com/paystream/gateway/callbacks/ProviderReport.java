package com.paystream.gateway.callbacks;

import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.StatusReport;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts a provider reported about one payment, parsed and validated from its own format.
 *
 * @param eventType the provider's name for the event, e.g. {@code payment.succeeded}
 * @param occurredAt when the provider says it happened
 */
public record ProviderReport(
    PaymentId paymentId,
    MerchantId merchantId,
    Money amount,
    PaymentStatus status,
    Optional<String> providerPaymentId,
    String eventType,
    Instant occurredAt) {

  public ProviderReport {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(providerPaymentId, "providerPaymentId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  public StatusReport statusReport() {
    return new StatusReport(status, amount, merchantId);
  }
}
