package com.paystream.ledger.support;

import com.paystream.schemas.callbacks.CallbackSource;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.PaymentStatus;
import java.time.Instant;
import java.util.UUID;

/** Builds payment callbacks as the relay publishes them. */
public final class Callbacks {

  private Callbacks() {}

  public static PaymentCallback callback(
      String paymentId, PaymentStatus status, long amountMinor, String currency) {
    UUID callbackId = UUID.randomUUID();
    return PaymentCallback.newBuilder()
        .setEnvelope(
            Envelope.newBuilder()
                .setEventId(UUID.randomUUID())
                .setCausationId(callbackId.toString())
                .setOccurredAt(Instant.parse("2026-03-01T10:00:00Z"))
                .setRecordedAt(Instant.parse("2026-03-01T10:00:01Z"))
                .setTraceId("trace-" + paymentId)
                .build())
        .setCallbackId(callbackId)
        .setPaymentId(paymentId)
        .setMerchantId("m-1")
        .setProvider("simulator")
        .setProviderEventId("evt-" + callbackId)
        .setProviderPaymentId(null)
        .setSource(CallbackSource.WEBHOOK)
        .setStatus(status)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .build();
  }

  public static PaymentCallback succeeded(String paymentId, long amountMinor) {
    return callback(paymentId, PaymentStatus.SUCCEEDED, amountMinor, "EUR");
  }
}
