package com.paystream.gateway.refunds;

import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.outbox.OutboxMessage;

/** The ledger's command for a refund the provider took (the port to the command topic). */
public interface RefundCommands {

  OutboxMessage refund(CommandContext context, Refund refund);
}
