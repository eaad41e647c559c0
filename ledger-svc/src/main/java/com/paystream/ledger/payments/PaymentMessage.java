package com.paystream.ledger.payments;

import com.paystream.ledger.journal.SourceType;
import java.util.UUID;

/** A message about one payment that the ledger applies exactly once, by its source event id. */
public sealed interface PaymentMessage permits CallbackReceived, CommandReceived {

  UUID sourceEventId();

  SourceType sourceType();

  String paymentId();

  MessageMeta meta();

  /** The same message with other metadata (the trace the ledger continued for it). */
  PaymentMessage withMeta(MessageMeta meta);
}
