package com.paystream.gateway.commands.kafka;

import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.Topic;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Encodes a feature's command body as the {@code PaymentCommand} the ledger applies: Confluent wire
 * format on payments.commands.v1, key = payment id (per-payment order), message id = event id =
 * command id (what the ledger confirms by).
 */
public final class PaymentCommandEnvelope {

  private final Topic<PaymentCommand> topic;
  private final Serializer<PaymentCommand> serializer;

  public PaymentCommandEnvelope(Topic<PaymentCommand> topic, SchemaRegistry registry) {
    this.topic = topic;
    this.serializer = topic.valueSerde(registry).serializer();
  }

  /** The outbox message carrying {@code body} (a Refund, Cancellation, Amendment, Supplement). */
  public OutboxMessage message(CommandContext context, Object body) {
    PaymentCommand command =
        PaymentCommand.newBuilder()
            .setEnvelope(
                Envelope.newBuilder()
                    .setEventId(context.commandId())
                    .setCausationId(context.causationId())
                    .setOccurredAt(context.at())
                    .setRecordedAt(context.at())
                    .setTraceId(context.trace().traceId())
                    .build())
            .setCommandId(context.commandId())
            .setPaymentId(context.paymentId().value())
            .setMerchantId(context.merchantId().value())
            .setProvider(context.provider())
            .setRequestedBy(context.requestedBy())
            .setApprovedBy(context.approvedBy().orElse(null))
            .setReason(context.reason())
            .setBody(body)
            .build();
    return new OutboxMessage(
        context.commandId(),
        topic.name(),
        context.paymentId().value(),
        serializer.serialize(topic.name(), command),
        context.trace().traceId(),
        context.trace().spanId());
  }
}
