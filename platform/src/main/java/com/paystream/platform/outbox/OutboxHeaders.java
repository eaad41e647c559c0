package com.paystream.platform.outbox;

import com.paystream.platform.tracing.TraceParent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Kafka headers every outbox publication carries, so consumers can trace and count deliveries: the
 * message id, the delivery attempt, and for a row recorded inside a trace its trace id ({@value
 * #TRACE_ID}, the id alone, for people and tools that search by it) and the W3C {@value
 * #TRACEPARENT} of the publication, which a consumer continues.
 */
public final class OutboxHeaders {

  public static final String MESSAGE_ID = "paystream-message-id";
  public static final String TRACE_ID = "paystream-trace-id";
  public static final String DELIVERY_ATTEMPT = "paystream-delivery-attempt";
  public static final String TRACEPARENT = TraceParent.HEADER;

  private OutboxHeaders() {}

  static void write(
      Headers headers, OutboxRecord row, int attempt, Optional<TraceParent> publication) {
    headers.add(MESSAGE_ID, row.messageId().toString().getBytes(StandardCharsets.UTF_8));
    if (!row.traceId().isEmpty()) {
      headers.add(TRACE_ID, row.traceId().getBytes(StandardCharsets.UTF_8));
    }
    publication.ifPresent(context -> writeTraceParent(headers, context));
    headers.add(DELIVERY_ATTEMPT, Integer.toString(attempt).getBytes(StandardCharsets.UTF_8));
  }

  /** Replaces any {@value #TRACEPARENT} header with {@code context}. */
  public static void writeTraceParent(Headers headers, TraceParent context) {
    headers.remove(TRACEPARENT);
    headers.add(TRACEPARENT, context.header().getBytes(StandardCharsets.UTF_8));
  }

  /** The context of a record's {@value #TRACEPARENT} header, if it has a valid one. */
  public static Optional<TraceParent> traceParent(Headers headers) {
    Header header = headers.lastHeader(TRACEPARENT);
    return header == null || header.value() == null
        ? Optional.empty()
        : TraceParent.parse(new String(header.value(), StandardCharsets.UTF_8));
  }
}
