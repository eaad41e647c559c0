package com.paystream.ledger.payments;

import java.time.Instant;
import java.util.Objects;

/**
 * When the business fact behind a message happened and the trace it belongs to: {@code traceId} is
 * the trace the ledger continued for the consumed record (its {@code traceparent} header's, else
 * its envelope's trace id, as given; empty for none), and {@code spanId} the span that consumed it,
 * which the ledger's outputs for the message are published under (empty when it was not traced, or
 * for a command read back from the parked commands, whose consuming span has ended long ago).
 */
public record MessageMeta(Instant occurredAt, String traceId, String spanId) {

  public MessageMeta {
    Objects.requireNonNull(occurredAt, "occurredAt");
    traceId = traceId == null ? "" : traceId;
    spanId = spanId == null ? "" : spanId;
  }

  /** Outside any span: the trace id the message's envelope names. */
  public MessageMeta(Instant occurredAt, String traceId) {
    this(occurredAt, traceId, "");
  }

  /** The same fact in the trace and span that consumed it. */
  public MessageMeta inSpan(String continuedTraceId, String consumingSpanId) {
    return new MessageMeta(occurredAt, continuedTraceId, consumingSpanId);
  }
}
