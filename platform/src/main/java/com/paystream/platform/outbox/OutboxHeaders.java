package com.paystream.platform.outbox;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Kafka headers every outbox publication carries, so consumers can trace and count deliveries. */
public final class OutboxHeaders {

  public static final String MESSAGE_ID = "paystream-message-id";
  public static final String TRACE_ID = "paystream-trace-id";
  public static final String DELIVERY_ATTEMPT = "paystream-delivery-attempt";

  private OutboxHeaders() {}

  static void write(Headers headers, OutboxRecord row, int attempt) {
    headers.add(MESSAGE_ID, row.messageId().toString().getBytes(StandardCharsets.UTF_8));
    if (!row.traceId().isEmpty()) {
      headers.add(TRACE_ID, row.traceId().getBytes(StandardCharsets.UTF_8));
    }
    headers.add(DELIVERY_ATTEMPT, Integer.toString(attempt).getBytes(StandardCharsets.UTF_8));
  }
}
