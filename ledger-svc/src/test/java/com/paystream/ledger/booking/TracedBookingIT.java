package com.paystream.ledger.booking;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.ledger.support.TopicReader;
import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A callback's trace through the ledger, on the real broker and PostgreSQL, with the service's real
 * JSON console output: its journal entry, the entries API, its entry event and cashflow lines
 * (envelope and Kafka headers) and its money-trail log line all name the trace it came in.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.config=classpath:logback-json-test.xml")
class TracedBookingIT extends LedgerServiceTest {

  /**
   * Boot initializes logging once per JVM until it is cleaned up, and another test's context may
   * have done it already: cleaned up, this class's logging.config applies to its context.
   */
  @BeforeAll
  static void loggingFromThisClassConfig() {
    LoggingSystem.get(TracedBookingIT.class.getClassLoader()).cleanUp();
  }

  @Test
  void aCallbackWithATraceparentIsBookedAndPublishedInItsTrace(CapturedOutput output) {
    TraceParent caller = newTraceParent();
    PaymentCallback callback = withTrace(succeeded("pay-" + UUID.randomUUID(), 10_000), "");

    sendRaw(
        topics.callbacks(),
        callback.getPaymentId(),
        encode(topics.callbacks(), callback),
        Map.of(TraceParent.HEADER, caller.header()));
    awaitProcessed(callback);

    String trace = caller.traceId();
    assertThat(journalTraceIdOf(callback)).isEqualTo(trace);
    assertThat(entriesOf(callback.getPaymentId()))
        .singleElement()
        .extracting(EntryView::traceId)
        .isEqualTo(trace);
    assertPublishedInTrace(callback, trace, caller.spanId());
    assertTrailLineInTrace(output, callback, trace);
  }

  @Test
  void aCallbackWithOnlyAnEnvelopeTraceIdContinuesThatTrace(CapturedOutput output) {
    String trace = newTraceParent().traceId();
    PaymentCallback callback = withTrace(succeeded("pay-" + UUID.randomUUID(), 4_000), trace);

    send(callback);
    awaitProcessed(callback);

    assertThat(journalTraceIdOf(callback)).isEqualTo(trace);
    assertThat(entriesOf(callback.getPaymentId()))
        .extracting(EntryView::traceId)
        .containsOnly(trace);
    assertPublishedInTrace(callback, trace, "");
    assertTrailLineInTrace(output, callback, trace);
  }

  @Test
  void aCallbackWithoutAnyTraceIsStillBookedWithAnEmptyTraceId() {
    PaymentCallback callback = withTrace(succeeded("pay-" + UUID.randomUUID(), 3_000), "");

    send(callback);
    awaitProcessed(callback);

    assertThat(outcomeOf(callback.getCallbackId())).isEqualTo("POSTED");
    assertThat(journalTraceIdOf(callback)).isEmpty();
    assertThat(entriesOf(callback.getPaymentId())).extracting(EntryView::traceId).containsOnly("");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              ConsumerRecord<String, byte[]> event = entryEventRecordOf(callback);
              assertThat(decode(topics.entries(), event.value(), LedgerEntryEvent.class))
                  .satisfies(e -> assertThat(e.getEnvelope().getTraceId()).isEmpty());
              assertThat(event.headers().lastHeader(TraceParent.HEADER)).isNull();
              assertThat(event.headers().lastHeader(OutboxHeaders.TRACE_ID)).isNull();
            });
  }

  @Test
  void anUndecodableRecordIsDeadLetteredInItsTrace() {
    TraceParent caller = newTraceParent();

    sendRaw(
        topics.callbacks(),
        "pay-" + UUID.randomUUID(),
        new byte[] {9, 9, 9},
        Map.of(TraceParent.HEADER, caller.header()));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        TopicReader.readAll(bootstrapServers(), topics.deadLetters()).stream()
                            .filter(r -> header(r, OutboxHeaders.TRACE_ID).isPresent())
                            .filter(
                                r ->
                                    header(r, OutboxHeaders.TRACE_ID)
                                        .get()
                                        .equals(caller.traceId())))
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(
                                  decode(topics.deadLetters(), r.value(), DeadLetter.class)
                                      .getEnvelope()
                                      .getTraceId())
                              .isEqualTo(caller.traceId());
                          assertHeadersInTrace(r, caller.traceId(), caller.spanId());
                        }));
  }

  /**
   * The entry event and each cashflow line name the trace in their envelope and Kafka headers; the
   * {@code traceparent} names the ledger's publication span, a new span of that trace.
   */
  private void assertPublishedInTrace(PaymentCallback callback, String trace, String callerSpan) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              ConsumerRecord<String, byte[]> eventRecord = entryEventRecordOf(callback);
              LedgerEntryEvent event =
                  decode(topics.entries(), eventRecord.value(), LedgerEntryEvent.class);
              assertThat(event.getEnvelope().getTraceId()).isEqualTo(trace);
              assertHeadersInTrace(eventRecord, trace, callerSpan);
              String entryId = event.getEntry().getEntryId().toString();
              List<ConsumerRecord<String, byte[]>> lines =
                  TopicReader.readAll(bootstrapServers(), topics.cashflow()).stream()
                      .filter(r -> cashflow(r).getEntryId().equals(entryId))
                      .toList();
              assertThat(lines).hasSize(3);
              for (ConsumerRecord<String, byte[]> line : lines) {
                assertThat(cashflow(line).getEnvelope().getTraceId()).isEqualTo(trace);
                assertHeadersInTrace(line, trace, callerSpan);
              }
            });
  }

  private static void assertHeadersInTrace(
      ConsumerRecord<String, byte[]> record, String trace, String callerSpan) {
    assertThat(header(record, OutboxHeaders.TRACE_ID)).contains(trace);
    Optional<TraceParent> parent = OutboxHeaders.traceParent(record.headers());
    assertThat(parent).as("traceparent of %s", record.topic()).isPresent();
    assertThat(parent.get().traceId()).isEqualTo(trace);
    assertThat(parent.get().spanId()).isNotEqualTo(callerSpan);
  }

  /** The booked line, in the logstash JSON the service writes, with the ids at the top level. */
  private static void assertTrailLineInTrace(
      CapturedOutput output, PaymentCallback callback, String trace) {
    String booked = "entry booked paymentId=" + callback.getPaymentId() + " ";
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(output.getOut().lines().filter(line -> line.contains(booked)))
                    .singleElement()
                    .satisfies(
                        line -> {
                          assertThat(line).startsWith("{").endsWith("}");
                          assertThat(line).contains("\"logger_name\":\"paystream.trail\"");
                          assertThat(line).contains("\"level\":\"INFO\"");
                          assertThat(line).contains("\"trace_id\":\"" + trace + "\"");
                          assertThat(line).containsPattern("\"span_id\":\"[0-9a-f]{16}\"");
                          assertThat(line).doesNotContain("\"traceId\"", "\"spanId\"");
                          assertThat(line).contains("messageId=" + callback.getCallbackId());
                        }));
  }

  private String journalTraceIdOf(PaymentCallback callback) {
    return jdbc.queryForObject(
        "select trace_id from journal_entry where source_event_id = ?",
        String.class,
        callback.getCallbackId());
  }

  private ConsumerRecord<String, byte[]> entryEventRecordOf(PaymentCallback callback) {
    return TopicReader.readAll(bootstrapServers(), topics.entries()).stream()
        .filter(
            r ->
                decode(topics.entries(), r.value(), LedgerEntryEvent.class)
                    .getSourceEventId()
                    .equals(callback.getCallbackId().toString()))
        .reduce(
            (a, b) -> {
              throw new AssertionError("two entry events for " + callback.getCallbackId());
            })
        .orElseThrow(() -> new AssertionError("no entry event yet for " + callback));
  }

  private CashflowLine cashflow(ConsumerRecord<String, byte[]> record) {
    return decode(topics.cashflow(), record.value(), CashflowLine.class);
  }

  private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null
        ? Optional.empty()
        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }

  private static PaymentCallback withTrace(PaymentCallback callback, String envelopeTraceId) {
    return PaymentCallback.newBuilder(callback)
        .setEnvelope(
            Envelope.newBuilder(callback.getEnvelope()).setTraceId(envelopeTraceId).build())
        .build();
  }

  private static TraceParent newTraceParent() {
    HexFormat hex = HexFormat.of();
    byte[] trace = new byte[16];
    byte[] span = new byte[8];
    ThreadLocalRandom.current().nextBytes(trace);
    ThreadLocalRandom.current().nextBytes(span);
    trace[0] |= 1;
    span[0] |= 1;
    return new TraceParent(hex.formatHex(trace), hex.formatHex(span), true);
  }
}
