package com.paystream.relay.operator.kafka;

import com.paystream.relay.operator.PayloadSummary;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.UndecodableRecordException;
import com.paystream.schemas.topics.Topics;

/**
 * Decodes a recorded callback or command just far enough to name its provider. A payload that
 * cannot be decoded is shown as {@code UNKNOWN} rather than failing the operator's whole page.
 */
public final class AvroPayloadReader implements PayloadSummary.Reader {

  private final AvroDeserializer<PaymentCallback> callbacks;
  private final AvroDeserializer<PaymentCommand> commands;

  public AvroPayloadReader(SchemaRegistry registry) {
    this.callbacks = new AvroDeserializer<>(registry, PaymentCallback.class);
    this.commands = new AvroDeserializer<>(registry, PaymentCommand.class);
  }

  @Override
  public PayloadSummary read(String topic, byte[] payload) {
    try {
      if (topic.endsWith(Topics.PAYMENT_CALLBACKS.name())) {
        return new PayloadSummary("CALLBACK", callbacks.deserialize(topic, payload).getProvider());
      }
      if (topic.endsWith(Topics.PAYMENT_COMMANDS.name())) {
        return new PayloadSummary("COMMAND", commands.deserialize(topic, payload).getProvider());
      }
      return PayloadSummary.UNKNOWN;
    } catch (UndecodableRecordException | IllegalArgumentException e) {
      return PayloadSummary.UNKNOWN;
    }
  }
}
