package com.paystream.gateway.payments.application;

import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.payments.PaymentStatus;

/** The ledger's command for a cancellation (the port to the command topic's encoding). */
public interface CancellationCommands {

  /** Cancels a payment that was {@code cancelledStatus} when it was cancelled. */
  OutboxMessage cancellation(CommandContext context, PaymentStatus cancelledStatus);
}
