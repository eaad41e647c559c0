/**
 * Tracing for the four services through Micrometer Tracing's OpenTelemetry bridge: a {@code
 * traceparent} on every HTTP answer, spans that continue a trace across the outbox and Kafka
 * ({@link com.paystream.tracing.Traces}), and the Boot auto-configuration that wires them.
 */
package com.paystream.tracing;
