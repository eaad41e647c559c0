package com.paystream.gateway.payments.kafka;

import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.platform.money.Money;
import com.paystream.schemas.commands.Amendment;
import com.paystream.schemas.commands.Cancellation;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.commands.Refund;
import com.paystream.schemas.commands.Supplement;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.Topic;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Encodes payment changes as the {@code PaymentCommand}s the ledger applies: Confluent wire format
 * on payments.commands.v1, key = payment id (per-payment order), message id = event id = command id
 * (what the ledger confirms by).
 */
public final class PaymentCommandMessages {

  /**
   * Who asked, why, and what caused it.
   *
   * @param causationId the request that caused the command (Idempotency-Key, refund id...)
   */
  public record Context(
      UUID commandId,
      PaymentView payment,
      String requestedBy,
      String reason,
      String causationId,
      Instant at,
      String traceId) {}

  private final Topic<PaymentCommand> topic;
  private final Serializer<PaymentCommand> serializer;

  public PaymentCommandMessages(Topic<PaymentCommand> topic, SchemaRegistry registry) {
    this.topic = topic;
    this.serializer = topic.valueSerde(registry).serializer();
  }

  public OutboxMessage refund(Context context, String refundId, Money amount) {
    return message(
        context,
        Refund.newBuilder()
            .setRefundId(refundId)
            .setAmountMinor(amount.minor())
            .setCurrency(amount.currencyCode())
            .build());
  }

  public OutboxMessage cancellation(Context context) {
    return message(
        context,
        Cancellation.newBuilder()
            .setCancelledStatus(
                com.paystream.schemas.common.PaymentStatus.valueOf(
                    context.payment().status().name()))
            .build());
  }

  public OutboxMessage amendment(Context context, Money amount, PaymentStatus status) {
    return message(
        context,
        Amendment.newBuilder()
            .setAmountMinor(amount.minor())
            .setCurrency(amount.currencyCode())
            .setStatus(com.paystream.schemas.common.PaymentStatus.valueOf(status.name()))
            .build());
  }

  public OutboxMessage supplement(Context context, Money amount, String evidenceReference) {
    return message(
        context,
        Supplement.newBuilder()
            .setAmountMinor(amount.minor())
            .setCurrency(amount.currencyCode())
            .setEvidenceReference(evidenceReference)
            .build());
  }

  private OutboxMessage message(Context context, Object body) {
    PaymentView payment = context.payment();
    PaymentCommand command =
        PaymentCommand.newBuilder()
            .setEnvelope(
                Envelope.newBuilder()
                    .setEventId(context.commandId())
                    .setCausationId(context.causationId())
                    .setOccurredAt(context.at())
                    .setRecordedAt(context.at())
                    .setTraceId(context.traceId())
                    .build())
            .setCommandId(context.commandId())
            .setPaymentId(payment.paymentId().value())
            .setMerchantId(payment.merchantId().value())
            .setProvider(payment.provider())
            .setRequestedBy(context.requestedBy())
            .setReason(context.reason())
            .setBody(body)
            .build();
    return new OutboxMessage(
        context.commandId(),
        topic.name(),
        payment.paymentId().value(),
        serializer.serialize(topic.name(), command),
        context.traceId());
  }
}
