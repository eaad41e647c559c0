package com.paystream.relay.operator;

import java.util.UUID;

/** The ledger already confirmed this message, so there is nothing to redrive; answered with 409. */
public final class NotRedrivableException extends RuntimeException {

  public NotRedrivableException(UUID messageId, String status) {
    super("cannot redrive message %s in status %s".formatted(messageId, status));
  }
}
