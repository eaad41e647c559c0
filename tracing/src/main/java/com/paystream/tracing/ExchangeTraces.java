package com.paystream.tracing;

import com.paystream.platform.tracing.TraceParent;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The reactive side: the server span of a WebFlux exchange (started by Spring's {@code
 * HttpWebHandlerAdapter} before any filter runs) as a {@code traceparent} response header and as an
 * exchange attribute that handlers read with {@link #of(ServerWebExchange)}. In a reactive chain
 * the thread's current span is not the request's, so handlers ask the exchange.
 */
public final class ExchangeTraces implements WebFilter {

  /** The exchange attribute holding the request's {@link TraceParent}. */
  public static final String ATTRIBUTE = ExchangeTraces.class.getName() + ".traceParent";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    serverSpan(exchange)
        .ifPresent(
            context -> {
              exchange.getAttributes().put(ATTRIBUTE, context);
              exchange.getResponse().getHeaders().set(TraceParent.HEADER, context.header());
            });
    return chain.filter(exchange);
  }

  /** The context of the exchange's server span; empty when tracing is off. */
  public static Optional<TraceParent> of(ServerWebExchange exchange) {
    Object context = exchange.getAttribute(ATTRIBUTE);
    return context instanceof TraceParent traceParent ? Optional.of(traceParent) : Optional.empty();
  }

  private static Optional<TraceParent> serverSpan(ServerWebExchange exchange) {
    return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .map(
            c ->
                c.<TracingObservationHandler.TracingContext>get(
                    TracingObservationHandler.TracingContext.class))
        .flatMap(t -> Traces.contextOf(t.getSpan()));
  }
}
