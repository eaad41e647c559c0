package com.paystream.relay.delivery;

import com.paystream.platform.outbox.OutboxRecord;
import com.paystream.platform.outbox.PublishTracing;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.schemas.topics.Topics;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each row's publication as a span of its own ({@code spans}, the relay's producer span per row)
 * that is in scope on the publishing thread while the record is handed to the producer, and one
 * line in the money trail ({@value #TRAIL}) per published row, written inside that span: its JSON
 * line carries the {@code trace_id} and {@code span_id} of the {@code traceparent} the record
 * carries. The line is written when the producer took the record; the batch's delivery state
 * commits after the broker's acknowledgement, and a batch that fails is sent (and logged) again.
 */
public final class PublicationTrail implements PublishTracing {

  /** The project's money trail: one INFO line per unit of work belonging to a trace. */
  public static final String TRAIL = "paystream.trail";

  private static final Logger trail = LoggerFactory.getLogger(TRAIL);

  private final PublishTracing spans;
  private final Tracer tracer;

  /**
   * @param spans opens the span of each row's publication
   * @param tracer puts the publication's context in scope (and so in the logging MDC)
   */
  public PublicationTrail(PublishTracing spans, Tracer tracer) {
    this.spans = Objects.requireNonNull(spans, "spans");
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  @Override
  public Publication open(OutboxRecord row) {
    Publication publication = spans.open(row);
    Optional<TraceParent> context = publication.context();
    CurrentTraceContext.Scope scope = context.map(this::inScope).orElse(null);
    return new Publication() {
      @Override
      public Optional<TraceParent> context() {
        return context;
      }

      @Override
      public void close() {
        try {
          logPublished(row);
        } finally {
          if (scope != null) {
            scope.close();
          }
          publication.close();
        }
      }
    };
  }

  private CurrentTraceContext.Scope inScope(TraceParent context) {
    return tracer
        .currentTraceContext()
        .newScope(
            tracer
                .traceContextBuilder()
                .traceId(context.traceId())
                .spanId(context.spanId())
                .sampled(context.sampled())
                .build());
  }

  /** A callback for the ledger, not a command or an audit event of the gateway. */
  private static boolean callback(OutboxRecord row) {
    return row.topic().endsWith(Topics.PAYMENT_CALLBACKS.name());
  }

  private static void logPublished(OutboxRecord row) {
    if (!trail.isInfoEnabled()) {
      return;
    }
    trail
        .atInfo()
        .addKeyValue("key", row.key())
        .addKeyValue("messageId", row.messageId())
        .addKeyValue("topic", row.topic())
        .addKeyValue("attempt", row.attempts() + 1)
        .log(callback(row) ? "callback published" : "message published");
  }
}
