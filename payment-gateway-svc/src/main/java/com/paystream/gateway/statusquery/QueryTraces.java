package com.paystream.gateway.statusquery;

import com.paystream.gateway.support.TraceIds;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.tracing.Traces;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;

/**
 * The trace of one status query: a child of the lost order that made it due, or a new trace when
 * nobody asked (an overdue payment; its creation may be hours old, and a trace that long helps
 * nobody). An observation rather than a bare span, because the query runs on whichever threads its
 * database and HTTP answers arrive on: in the Reactor context, the observation is restored on each
 * of them (automatic context propagation), and with it the span and the MDC.
 */
public final class QueryTraces {

  /** The observation's name, also the timer of the queries' work. */
  public static final String NAME = "paystream.status.queries.work";

  private final ObservationRegistry registry;
  private final Tracer tracer;

  public QueryTraces(ObservationRegistry registry, Tracer tracer) {
    this.registry = registry;
    this.tracer = tracer;
  }

  /** No tracing: observations and spans are no-ops. */
  public static QueryTraces none() {
    return new QueryTraces(ObservationRegistry.NOOP, Tracer.NOOP);
  }

  /**
   * Starts the query's observation. Whatever is current on the calling thread (a poller woken from
   * a consumer thread runs there) is no parent of it: only the query's own trigger is.
   */
  public Observation start(DueQuery query) {
    Observation observation =
        Observation.createNotStarted(NAME, registry)
            .contextualName("gateway status-query")
            .lowCardinalityKeyValue("reason", query.reason().name())
            .parentObservation(null);
    TraceContext parent = query.trigger().map(this::context).orElse(null);
    try (CurrentTraceContext.Scope scope = tracer.currentTraceContext().maybeScope(parent)) {
      observation.start();
    }
    return observation;
  }

  /** The ids the query's work is recorded under; none without tracing. */
  public static TraceIds ids(Observation observation) {
    TracingObservationHandler.TracingContext tracing =
        observation.getContext().get(TracingObservationHandler.TracingContext.class);
    return tracing == null
        ? TraceIds.NONE
        : TraceIds.of(Optional.ofNullable(tracing.getSpan()).flatMap(Traces::contextOf));
  }

  private TraceContext context(TraceParent parent) {
    return tracer
        .traceContextBuilder()
        .traceId(parent.traceId())
        .spanId(parent.spanId())
        .sampled(parent.sampled())
        .build();
  }
}
