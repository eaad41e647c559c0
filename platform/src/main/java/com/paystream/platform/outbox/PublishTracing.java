package com.paystream.platform.outbox;

import com.paystream.platform.tracing.TraceParent;
import java.util.Optional;

/**
 * How a published row continues the trace it was recorded in. The publisher opens a publication per
 * row, writes its context as the record's {@code traceparent} header (beside {@code
 * paystream-trace-id}) and closes it once the record is handed to the producer. The platform knows
 * no tracer: a service with one opens a span per row, a child of the stored context, so that the
 * consumer's span becomes a child of the publication; without one the stored context goes out as it
 * is ({@link #STORED}).
 */
public interface PublishTracing {

  /** No span of its own: the record carries the context the row was recorded in. */
  PublishTracing STORED = row -> Publication.of(row.traceParent());

  /** Opens the publication of one row; never fails the publication. */
  Publication open(OutboxRecord row);

  /** One row's publication: the context its record carries, ended by {@link #close()}. */
  interface Publication extends AutoCloseable {

    /** The context to write into the record's headers; empty for a row outside any trace. */
    Optional<TraceParent> context();

    @Override
    void close();

    static Publication of(Optional<TraceParent> context) {
      return new Publication() {
        @Override
        public Optional<TraceParent> context() {
          return context;
        }

        @Override
        public void close() {}
      };
    }
  }
}
