package com.paystream.gateway.corrections;

import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.outbox.OutboxMessage;

/** The ledger's commands for corrections (the port to the command topic's encoding). */
public interface CorrectionCommands {

  OutboxMessage amendment(CommandContext context, Amendment amendment);

  OutboxMessage supplement(CommandContext context, Supplement supplement);
}
