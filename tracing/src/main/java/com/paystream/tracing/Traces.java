package com.paystream.tracing;

import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.outbox.PublishTracing;
import com.paystream.platform.tracing.TraceParent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;

/**
 * Continues traces where no instrumentation does it for us: across an outbox row (the publication
 * of a row is a child of the span that recorded it) and from a consumed Kafka record (the work on a
 * record is a child of the publication that sent it). A record without a {@code traceparent} header
 * whose envelope names a trace id is continued in that trace under a parent derived from the trace
 * id (the record was published before its publisher wrote the header); a record with neither is not
 * traced.
 */
public final class Traces {

  private final Tracer tracer;

  public Traces(Tracer tracer) {
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  /** The context of the span in scope on this thread, if any. */
  public Optional<TraceParent> current() {
    return contextOf(tracer.currentSpan());
  }

  /** The W3C context of {@code span}; empty for none or a no-op span. */
  public static Optional<TraceParent> contextOf(Span span) {
    if (span == null || span.isNoop()) {
      return Optional.empty();
    }
    TraceContext context = span.context();
    return TraceParent.of(context.traceId(), context.spanId())
        .map(
            p ->
                new TraceParent(p.traceId(), p.spanId(), !Boolean.FALSE.equals(context.sampled())));
  }

  /**
   * Opens a span for the work on one consumed record, a child of its {@code traceparent} header or
   * else of its envelope's trace id, and puts it in scope on this thread (so log lines carry its
   * ids) until the returned work is closed, on this thread.
   */
  public Continued continueRecord(Headers headers, String envelopeTraceId, String name) {
    Optional<TraceParent> parent =
        OutboxHeaders.traceParent(headers).or(() -> derivedParent(envelopeTraceId));
    return parent.map(p -> open(p, name, Span.Kind.CONSUMER)).orElse(Continued.NONE);
  }

  /** Opens a span that continues {@code parent} and puts it in scope until closed. */
  public Continued continueFrom(TraceParent parent, String name) {
    return open(parent, name, null);
  }

  /**
   * Publications that each open a producer span, a child of the context the row was recorded in;
   * the record's {@code traceparent} names that span. Rows recorded outside a trace get none.
   */
  public PublishTracing publications(String name) {
    return row ->
        row.traceParent()
            .<PublishTracing.Publication>map(
                parent -> {
                  Span span =
                      tracer
                          .spanBuilder()
                          .setParent(context(parent))
                          .name(name)
                          .kind(Span.Kind.PRODUCER)
                          .tag("messaging.system", "kafka")
                          .tag("messaging.destination.name", row.topic())
                          .tag("messaging.message.id", row.messageId().toString())
                          .start();
                  Optional<TraceParent> context = contextOf(span).or(() -> Optional.of(parent));
                  return new PublishTracing.Publication() {
                    @Override
                    public Optional<TraceParent> context() {
                      return context;
                    }

                    @Override
                    public void close() {
                      span.end();
                    }
                  };
                })
            .orElseGet(() -> PublishTracing.Publication.of(Optional.empty()));
  }

  /**
   * A parent in {@code traceId}'s trace for a record that names only its trace id: its span id is
   * taken from the trace id, so every such record of one trace hangs under the same (unknown)
   * parent.
   */
  static Optional<TraceParent> derivedParent(String traceId) {
    if (!TraceParent.validTraceId(traceId)) {
      return Optional.empty();
    }
    String spanId = traceId.substring(16);
    if (!TraceParent.validSpanId(spanId)) {
      spanId = traceId.substring(0, 16);
    }
    return TraceParent.of(traceId, spanId);
  }

  private Continued open(TraceParent parent, String name, Span.Kind kind) {
    Span.Builder builder = tracer.spanBuilder().setParent(context(parent)).name(name);
    Span span = (kind == null ? builder : builder.kind(kind)).start();
    Tracer.SpanInScope scope = tracer.withSpan(span);
    Optional<TraceParent> context = contextOf(span).or(() -> Optional.of(parent));
    return new Continued(context, scope, span);
  }

  private TraceContext context(TraceParent parent) {
    return tracer
        .traceContextBuilder()
        .traceId(parent.traceId())
        .spanId(parent.spanId())
        .sampled(parent.sampled())
        .build();
  }

  /** Work on a continued trace: its context, in scope on the opening thread until closed. */
  public static final class Continued implements AutoCloseable {

    static final Continued NONE = new Continued(Optional.empty(), null, null);

    private final Optional<TraceParent> context;
    private final Tracer.SpanInScope scope;
    private final Span span;

    private Continued(Optional<TraceParent> context, Tracer.SpanInScope scope, Span span) {
      this.context = context;
      this.scope = scope;
      this.span = span;
    }

    /** The span's context; empty when the record carried no trace. */
    public Optional<TraceParent> context() {
      return context;
    }

    public String traceId() {
      return context.map(TraceParent::traceId).orElse("");
    }

    public String spanId() {
      return context.map(TraceParent::spanId).orElse("");
    }

    /** Marks the span failed. */
    public void error(Throwable failure) {
      if (span != null) {
        span.error(failure);
      }
    }

    @Override
    public void close() {
      if (scope != null) {
        scope.close();
      }
      if (span != null) {
        span.end();
      }
    }
  }
}
