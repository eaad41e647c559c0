package com.paystream.ledger.payments;

import java.time.Instant;
import java.util.Objects;

/** When the business fact behind a message happened and the trace it belongs to. */
public record MessageMeta(Instant occurredAt, String traceId) {

  public MessageMeta {
    Objects.requireNonNull(occurredAt, "occurredAt");
    traceId = traceId == null ? "" : traceId;
  }
}
