package com.paystream.gateway.refunds.kafka;

import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.commands.kafka.PaymentCommandEnvelope;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.refunds.Refund;
import com.paystream.gateway.refunds.RefundCommands;
import org.springframework.stereotype.Component;

/** A refund as the {@code Refund} body of a {@code PaymentCommand}. */
@Component
public class AvroRefundCommands implements RefundCommands {

  private final PaymentCommandEnvelope envelope;

  public AvroRefundCommands(PaymentCommandEnvelope envelope) {
    this.envelope = envelope;
  }

  @Override
  public OutboxMessage refund(CommandContext context, Refund refund) {
    return envelope.message(
        context,
        com.paystream.schemas.commands.Refund.newBuilder()
            .setRefundId(refund.refundId())
            .setAmountMinor(refund.amount().minor())
            .setCurrency(refund.amount().currencyCode())
            .build());
  }
}
