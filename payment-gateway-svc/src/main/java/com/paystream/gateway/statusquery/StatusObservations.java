package com.paystream.gateway.statusquery;

import com.paystream.gateway.callbacks.CallbackSource;
import com.paystream.gateway.callbacks.ProviderReport;
import com.paystream.gateway.callbacks.VerifiedCallback;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.providers.ProviderPaymentStatus;
import com.paystream.gateway.support.TraceIds;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what a provider answered to a status query into a callback, so that it takes the webhook's
 * path: inbox (deduplicated on the provider's observation id: asking twice and seeing the same
 * state is a duplicate), state machine, history and relay outbox.
 */
public final class StatusObservations {

  /** Marks the inbox row's headers, as a webhook's signature headers would. */
  public static final String SOURCE_HEADER = "x-paystream-status-query";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StatusObservations() {}

  /** The answer as a callback recorded in the query's trace. */
  public static VerifiedCallback callback(
      String provider, ProviderPaymentStatus observed, PaymentStatus status, TraceIds trace) {
    ProviderReport report =
        new ProviderReport(
            observed.paymentId(),
            observed.merchantId(),
            observed.amount(),
            status,
            Optional.of(observed.providerPaymentId()),
            "status_query." + status.name().toLowerCase(Locale.ROOT),
            observed.updatedAt());
    return new VerifiedCallback(
        provider,
        observed.observationId(),
        CallbackSource.STATUS_QUERY,
        report,
        rawBody(observed),
        Map.of(SOURCE_HEADER, observed.observationId()),
        trace.traceId(),
        trace.spanId());
  }

  /**
   * The answer as the provider protocol spells it. The HTTP adapter hands over the parsed answer,
   * not its bytes; the inbox keeps this canonical form (there is no signature to re-verify).
   */
  private static byte[] rawBody(ProviderPaymentStatus observed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", observed.providerPaymentId());
    body.put("payment_id", observed.paymentId().value());
    body.put("merchant_id", observed.merchantId().value());
    body.put("amount_minor", observed.amount().minor());
    body.put("currency", observed.amount().currencyCode());
    body.put("status", observed.status());
    body.put("updated_at", observed.updatedAt().toString());
    body.put("state_id", observed.observationId());
    return JSON.writeValueAsBytes(body);
  }
}
