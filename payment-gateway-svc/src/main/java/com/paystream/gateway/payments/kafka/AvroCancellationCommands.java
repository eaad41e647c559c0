package com.paystream.gateway.payments.kafka;

import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.commands.kafka.PaymentCommandEnvelope;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.application.CancellationCommands;
import com.paystream.schemas.commands.Cancellation;
import org.springframework.stereotype.Component;

/** A cancellation as the {@code Cancellation} body of a {@code PaymentCommand}. */
@Component
public class AvroCancellationCommands implements CancellationCommands {

  private final PaymentCommandEnvelope envelope;

  public AvroCancellationCommands(PaymentCommandEnvelope envelope) {
    this.envelope = envelope;
  }

  @Override
  public OutboxMessage cancellation(CommandContext context, PaymentStatus cancelledStatus) {
    return envelope.message(
        context,
        Cancellation.newBuilder()
            .setCancelledStatus(
                com.paystream.schemas.common.PaymentStatus.valueOf(cancelledStatus.name()))
            .build());
  }
}
