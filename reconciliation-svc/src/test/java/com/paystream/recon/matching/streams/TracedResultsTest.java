package com.paystream.recon.matching.streams;

import static com.paystream.recon.support.Records.clearingLine;
import static com.paystream.recon.support.Records.statementLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.recon.matching.MatchRules;
import com.paystream.recon.matching.internal.InternalRules;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.tracing.Traces;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A recon result joins the trace of the ledger's cashflow line it concerns: its envelope names the
 * trace id and its {@code traceparent} a span of reconciliation's in that trace, whether the ledger
 * line, a statement line or a deadline produced it; a result about a statement line alone has no
 * trace. On the topology test driver, with a real OpenTelemetry tracer.
 */
class TracedResultsTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String LEDGER_SPAN = "00f067aa0ba902b7";
  private static final Instant START = Instant.parse("2025-03-15T07:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
  private static final ReconTopics TOPICS = new ReconTopics("");
  private static final Map<String, Object> SERDE = Map.of(AvroSerdeConfig.REGISTRY_URL, "");

  private final List<SpanData> spans = new CopyOnWriteArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<String, StatementLine> statements;
  private TestInputTopic<String, CashflowLine> cashflow;
  private TestOutputTopic<String, ReconResult> results;

  @BeforeEach
  void start() {
    MatchRules rules =
        new MatchRules(
            Duration.ofMinutes(30),
            Duration.ofHours(6),
            Duration.ofHours(2),
            0,
            ZoneOffset.UTC,
            Duration.ofDays(35));
    var topology =
        MatchingTopology.build(
            new MatchingTopology.Settings(
                TOPICS,
                rules,
                new InternalRules(Duration.ofHours(1), Duration.ofDays(35)),
                Duration.ofSeconds(1),
                10_000,
                6,
                SERDE),
            new Traces(tracer()));
    driver = new TopologyTestDriver(topology, MatchingTopologyTest.config(), START);
    statements =
        driver.createInputTopic(
            TOPICS.statements().name(),
            new StringSerializer(),
            TOPICS.statements().valueSerde(SERDE).serializer());
    cashflow =
        driver.createInputTopic(
            TOPICS.cashflow().name(),
            new StringSerializer(),
            TOPICS.cashflow().valueSerde(SERDE).serializer());
    results =
        driver.createOutputTopic(
            TOPICS.results().name(),
            new StringDeserializer(),
            TOPICS.results().valueSerde(SERDE).deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void aMatchMadeByTheLedgerLineIsPublishedInTheSpanThatContinuedIt() {
    credit("pay-1");
    booking("pay-1", TRACE, withTraceParent(TRACE, LEDGER_SPAN));

    TestRecord<String, ReconResult> result = results.readRecord();

    assertThat(result.value().getOutcome()).isEqualTo(ReconOutcome.MATCHED);
    assertThat(result.value().getEnvelope().getTraceId()).isEqualTo(TRACE);
    TraceParent sent = traceParent(result.headers());
    SpanData match = span("recon match");
    assertThat(match.getTraceId()).isEqualTo(TRACE);
    assertThat(match.getParentSpanId()).isEqualTo(LEDGER_SPAN);
    assertThat(sent).isEqualTo(new TraceParent(TRACE, match.getSpanId(), true));
    assertThat(header(result.headers(), OutboxHeaders.TRACE_ID)).isEqualTo(TRACE);
  }

  @Test
  void aMatchMadeByTheStatementLineCarriesTheTraceOfTheLedgerLine() {
    booking("pay-2", TRACE, withTraceParent(TRACE, LEDGER_SPAN));
    credit("pay-2");

    TestRecord<String, ReconResult> result = results.readRecord();

    assertThat(result.value().getOutcome()).isEqualTo(ReconOutcome.MATCHED);
    assertThat(result.value().getEnvelope().getTraceId()).isEqualTo(TRACE);
    SpanData own = span("recon result");
    assertThat(own.getTraceId()).isEqualTo(TRACE);
    assertThat(traceParent(result.headers()))
        .isEqualTo(new TraceParent(TRACE, own.getSpanId(), true));
  }

  @Test
  void aLedgerLineWithOnlyAnEnvelopeTraceIdStillGivesItsBreakThatTrace() {
    booking("pay-3", TRACE, new RecordHeaders());

    // The statement of DAY is due the next day at the cutoff (6 h), then 2 h of grace.
    driver.advanceWallClockTime(Duration.ofDays(1));
    TestRecord<String, ReconResult> result = results.readRecord();

    assertThat(result.value().getOutcome()).isEqualTo(ReconOutcome.MISSING_IN_STATEMENT);
    assertThat(result.value().getEnvelope().getTraceId()).isEqualTo(TRACE);
    assertThat(traceParent(result.headers()).traceId()).isEqualTo(TRACE);
  }

  @Test
  void aLostOrderConcernsNoLedgerLineAndHasNoTrace() {
    credit("pay-4");

    driver.advanceWallClockTime(Duration.ofHours(1));
    TestRecord<String, ReconResult> result = results.readRecord();

    assertThat(result.value().getOutcome()).isEqualTo(ReconOutcome.LOST_ORDER);
    assertThat(result.value().getEnvelope().getTraceId()).isEmpty();
    assertThat(result.headers().lastHeader(OutboxHeaders.TRACEPARENT)).isNull();
    assertThat(spans).isEmpty();
  }

  private void credit(String reference) {
    StatementLine given = statementLine("STMT", reference, reference, Side.CREDIT, 100, "EUR", DAY);
    StatementLine line =
        StatementLine.newBuilder(given)
            .setEnvelope(Envelope.newBuilder(given.getEnvelope()).setTraceId("").build())
            .build();
    statements.pipeInput("STMT/" + reference, line, START);
  }

  private void booking(String reference, String traceId, Headers headers) {
    CashflowLine given =
        clearingLine(
            reference, "e-" + reference, 1, EntryType.PAYMENT, Side.DEBIT, 100, "EUR", DAY);
    CashflowLine line =
        CashflowLine.newBuilder(given)
            .setEnvelope(Envelope.newBuilder(given.getEnvelope()).setTraceId(traceId).build())
            .build();
    cashflow.pipeInput(new TestRecord<>(line.getAccountId(), line, headers, START));
  }

  private static Headers withTraceParent(String traceId, String spanId) {
    Headers headers = new RecordHeaders();
    OutboxHeaders.writeTraceParent(headers, new TraceParent(traceId, spanId, true));
    return headers;
  }

  private static TraceParent traceParent(Headers headers) {
    return OutboxHeaders.traceParent(headers).orElseThrow();
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private SpanData span(String name) {
    return spans.stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
  }

  private OtelTracer tracer() {
    SpanExporter exporter =
        new SpanExporter() {
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
        };
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
