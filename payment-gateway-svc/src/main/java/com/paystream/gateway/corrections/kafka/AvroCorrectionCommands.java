package com.paystream.gateway.corrections.kafka;

import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.commands.kafka.PaymentCommandEnvelope;
import com.paystream.gateway.corrections.Amendment;
import com.paystream.gateway.corrections.CorrectionCommands;
import com.paystream.gateway.corrections.Supplement;
import com.paystream.gateway.outbox.OutboxMessage;
import org.springframework.stereotype.Component;

/** Corrections as the {@code Amendment} and {@code Supplement} bodies of a PaymentCommand. */
@Component
public class AvroCorrectionCommands implements CorrectionCommands {

  private final PaymentCommandEnvelope envelope;

  public AvroCorrectionCommands(PaymentCommandEnvelope envelope) {
    this.envelope = envelope;
  }

  @Override
  public OutboxMessage amendment(CommandContext context, Amendment amendment) {
    return envelope.message(
        context,
        com.paystream.schemas.commands.Amendment.newBuilder()
            .setAmountMinor(amendment.amount().minor())
            .setCurrency(amendment.amount().currencyCode())
            .setStatus(
                com.paystream.schemas.common.PaymentStatus.valueOf(amendment.status().name()))
            .build());
  }

  @Override
  public OutboxMessage supplement(CommandContext context, Supplement supplement) {
    return envelope.message(
        context,
        com.paystream.schemas.commands.Supplement.newBuilder()
            .setAmountMinor(supplement.amount().minor())
            .setCurrency(supplement.amount().currencyCode())
            .setEvidenceReference(supplement.evidenceReference())
            .build());
  }
}
