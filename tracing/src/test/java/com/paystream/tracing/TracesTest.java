package com.paystream.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.outbox.OutboxRecord;
import com.paystream.platform.outbox.PublishTracing;
import com.paystream.platform.tracing.TraceParent;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TracesTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  private final Finished exported = new Finished();
  private final Tracer tracer = tracer(exported);
  private final Traces traces = new Traces(tracer);

  @Test
  void aConsumedRecordContinuesItsTraceparentAsAChild() {
    RecordHeaders headers = new RecordHeaders();
    OutboxHeaders.writeTraceParent(headers, new TraceParent(TRACE, SPAN, true));

    try (Traces.Continued work = traces.continueRecord(headers, "", "ledger book")) {
      assertThat(work.traceId()).isEqualTo(TRACE);
      assertThat(work.spanId()).isNotEqualTo(SPAN);
      assertThat(traces.current()).isEqualTo(work.context());
    }

    SpanData span = exported.getFinishedSpanItems().get(0);
    assertThat(span.getTraceId()).isEqualTo(TRACE);
    assertThat(span.getParentSpanId()).isEqualTo(SPAN);
    assertThat(traces.current()).isEmpty();
  }

  @Test
  void aRecordWithOnlyAnEnvelopeTraceIdStaysInThatTrace() {
    try (Traces.Continued work = traces.continueRecord(new RecordHeaders(), TRACE, "book")) {
      assertThat(work.traceId()).isEqualTo(TRACE);
    }
    assertThat(exported.getFinishedSpanItems()).hasSize(1);
  }

  @Test
  void aRecordOutsideAnyTraceIsNotTraced() {
    try (Traces.Continued work = traces.continueRecord(new RecordHeaders(), "", "book")) {
      assertThat(work.context()).isEmpty();
      assertThat(traces.current()).isEmpty();
    }
    assertThat(exported.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void aPublicationIsAChildOfTheSpanThatRecordedTheRow() {
    PublishTracing publications = traces.publications("relay publish");

    TraceParent sent;
    try (PublishTracing.Publication publication = publications.open(row(TRACE, SPAN))) {
      sent = publication.context().orElseThrow();
    }

    SpanData span = exported.getFinishedSpanItems().get(0);
    assertThat(sent.traceId()).isEqualTo(TRACE);
    assertThat(sent.spanId()).isEqualTo(span.getSpanId());
    assertThat(span.getParentSpanId()).isEqualTo(SPAN);
  }

  @Test
  void aRowRecordedOutsideATraceIsPublishedWithoutOne() {
    try (PublishTracing.Publication publication =
        traces.publications("publish").open(row("", ""))) {
      assertThat(publication.context()).isEmpty();
    }
    assertThat(exported.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void theDerivedParentIsAValidSpanOfTheSameTrace() {
    assertThat(Traces.derivedParent(TRACE))
        .contains(new TraceParent(TRACE, TRACE.substring(16), true));
    String lowZeros = "4bf92f3577b34da60000000000000000";
    assertThat(Traces.derivedParent(lowZeros).orElseThrow().spanId()).isEqualTo("4bf92f3577b34da6");
    assertThat(Traces.derivedParent("")).isEmpty();
  }

  /** The spans that ended, in the order they ended. */
  private static final class Finished implements SpanExporter {
    private final List<SpanData> spans = new ArrayList<>();

    List<SpanData> getFinishedSpanItems() {
      return spans;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAll(batch);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  private static OutboxRecord row(String traceId, String spanId) {
    return new OutboxRecord(
        1, UUID.randomUUID(), "t", "k", new byte[0], traceId, 0, Instant.now(), spanId);
  }

  private static Tracer tracer(Finished exporter) {
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    return new OtelTracer(
        provider.get("test"),
        current,
        event -> {},
        new OtelBaggageManager(current, List.of(), List.of()));
  }
}
