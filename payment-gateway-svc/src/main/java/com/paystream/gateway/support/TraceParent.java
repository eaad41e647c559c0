package com.paystream.gateway.support;

import com.paystream.tracing.ExchangeTraces;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace a request belongs to: its server span (which continues a caller's W3C {@code
 * traceparent} or starts a trace), or, with tracing switched off, the caller's {@code traceparent}
 * as sent. A bad trace header is never a reason to refuse a payment or a callback: it yields no
 * trace.
 */
public final class TraceParent {

  private TraceParent() {}

  /** The trace id of a {@code traceparent} header; empty when it does not parse. */
  public static String traceId(String header) {
    return com.paystream.platform.tracing.TraceParent.traceIdOf(header);
  }

  /** The context the exchange's work belongs to, if any. */
  public static Optional<com.paystream.platform.tracing.TraceParent> of(
      ServerWebExchange exchange) {
    return ExchangeTraces.of(exchange)
        .or(
            () ->
                com.paystream.platform.tracing.TraceParent.parse(
                    exchange
                        .getRequest()
                        .getHeaders()
                        .getFirst(com.paystream.platform.tracing.TraceParent.HEADER)));
  }

  /** The trace id the exchange's work belongs to; empty outside a trace. */
  public static String traceId(ServerWebExchange exchange) {
    return of(exchange).map(com.paystream.platform.tracing.TraceParent::traceId).orElse("");
  }
}
