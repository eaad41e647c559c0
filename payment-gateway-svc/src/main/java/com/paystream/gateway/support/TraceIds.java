package com.paystream.gateway.support;

import com.paystream.platform.tracing.TraceParent;
import java.util.Objects;
import java.util.Optional;

/**
 * The trace and span a piece of work was done in, as the outbox and audit rows keep them: the span
 * becomes the parent of the publication's span, so a command's Kafka record continues its request.
 *
 * @param traceId W3C trace id, or empty outside a trace
 * @param spanId the span that did the work, or empty
 */
public record TraceIds(String traceId, String spanId) {

  /** Outside any trace. */
  public static final TraceIds NONE = new TraceIds("", "");

  public TraceIds {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
  }

  public static TraceIds of(Optional<TraceParent> context) {
    return context.map(c -> new TraceIds(c.traceId(), c.spanId())).orElse(NONE);
  }
}
