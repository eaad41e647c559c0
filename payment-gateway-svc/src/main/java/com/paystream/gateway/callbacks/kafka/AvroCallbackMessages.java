package com.paystream.gateway.callbacks.kafka;

import com.paystream.gateway.callbacks.CallbackMessages;
import com.paystream.gateway.callbacks.ProviderReport;
import com.paystream.gateway.callbacks.RecordedCallback;
import com.paystream.gateway.callbacks.VerifiedCallback;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.schemas.callbacks.CallbackSource;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.PaymentStatus;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.Topic;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Encodes a recorded callback as the {@code PaymentCallback} the relay publishes as-is: Confluent
 * wire format, key = payment id (per-payment order), message id = event id = callback id (what the
 * ledger confirms by), causation = the provider's event id.
 */
public final class AvroCallbackMessages implements CallbackMessages {

  private final Topic<PaymentCallback> topic;
  private final Serializer<PaymentCallback> serializer;

  public AvroCallbackMessages(Topic<PaymentCallback> topic, SchemaRegistry registry) {
    this.topic = topic;
    this.serializer = topic.valueSerde(registry).serializer();
  }

  @Override
  public OutboxMessage toOutbox(RecordedCallback recorded) {
    PaymentCallback value = toAvro(recorded);
    return new OutboxMessage(
        recorded.callbackId().value(),
        topic.name(),
        value.getPaymentId(),
        serializer.serialize(topic.name(), value),
        recorded.callback().traceId(),
        recorded.callback().spanId());
  }

  /** Serializes once so that the schema id is looked up at startup, never on an event loop. */
  public void resolveSchemaNow(RecordedCallback sample) {
    toOutbox(sample);
  }

  static PaymentCallback toAvro(RecordedCallback recorded) {
    VerifiedCallback callback = recorded.callback();
    ProviderReport report = callback.report();
    Envelope envelope =
        Envelope.newBuilder()
            .setEventId(recorded.callbackId().value())
            .setCausationId(callback.providerEventId())
            .setOccurredAt(report.occurredAt())
            .setRecordedAt(recorded.recordedAt())
            .setTraceId(callback.traceId())
            .build();
    return PaymentCallback.newBuilder()
        .setEnvelope(envelope)
        .setCallbackId(recorded.callbackId().value())
        .setPaymentId(report.paymentId().value())
        .setMerchantId(report.merchantId().value())
        .setProvider(callback.provider())
        .setProviderEventId(callback.providerEventId())
        .setProviderPaymentId(report.providerPaymentId().orElse(null))
        .setSource(CallbackSource.valueOf(callback.source().name()))
        .setStatus(PaymentStatus.valueOf(report.status().name()))
        .setAmountMinor(report.amount().minor())
        .setCurrency(report.amount().currencyCode())
        .build();
  }
}
