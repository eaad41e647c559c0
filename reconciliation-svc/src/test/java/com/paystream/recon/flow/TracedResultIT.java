package com.paystream.recon.flow;

import static com.paystream.recon.support.Records.clearingLine;
import static com.paystream.recon.support.Records.statementLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.recon.support.ReconInfrastructure;
import com.paystream.recon.support.TopicReader;
import com.paystream.recon.support.TopicWriter;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.statements.StatementLine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's cashflow line of a traced payment and the statement line that matches it, on the
 * real broker: the match result carries the payment's trace id in its envelope, and
 * reconciliation's JSON log, in the production format, has the money-trail line of that result with
 * the trace id and a span id of reconciliation's at its top level.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.config=classpath:logback-structured.xml",
      "paystream.recon.punctuate-interval=200ms",
      "paystream.recon.statement-cutoff=36500d",
      // ... and its payments a payout this test never makes (the second leg's NOT_PAID_OUT).
      "paystream.recon.payouts.not-paid-out-after=36500d"
    })
class TracedResultIT {

  /**
   * Boot initializes logging once per JVM until it is cleaned up, and another test's context may
   * have done it already: cleaned up, this class's logging.config applies to its context.
   */
  @BeforeAll
  static void loggingFromThisClassConfig() {
    LoggingSystem.get(TracedResultIT.class.getClassLoader()).cleanUp();
  }

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String LEDGER_SPAN = "00f067aa0ba902b7";
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static ReconTopics topics;
  private static final TopicWriter ledger = new TopicWriter();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    topics = new ReconTopics(ReconInfrastructure.register(registry, "traced"));
  }

  @AfterAll
  static void close() {
    ledger.close();
  }

  @Test
  void aMatchCarriesThePaymentsTraceIntoItsEnvelopeAndTheJsonLog(CapturedOutput output) {
    String payment = "pay-traced-0001";
    CashflowLine booked =
        clearingLine(payment, "e-traced", 1, EntryType.PAYMENT, Side.DEBIT, 12550, "EUR", DAY);
    RecordHeaders headers = new RecordHeaders();
    OutboxHeaders.writeTraceParent(headers, new TraceParent(TRACE, LEDGER_SPAN, true));
    ledger.send(
        topics.cashflow(),
        booked.getAccountId(),
        CashflowLine.newBuilder(booked)
            .setEnvelope(Envelope.newBuilder(booked.getEnvelope()).setTraceId(TRACE).build())
            .build(),
        headers);
    StatementLine line = statementLine("STMT-TRACED", "1", payment, Side.CREDIT, 12550, "EUR", DAY);
    ledger.send(
        topics.statements(),
        "STMT-TRACED/1",
        StatementLine.newBuilder(line)
            .setEnvelope(Envelope.newBuilder(line.getEnvelope()).setTraceId("").build())
            .build());

    try (TopicReader<ReconResult> results =
        new TopicReader<>(topics.results().name(), ReconResult.class)) {
      ReconResult match =
          results
              .awaitUntil(WAIT, read -> read.stream().anyMatch(r -> payment.equals(r.key())))
              .stream()
              .filter(r -> payment.equals(r.key()))
              .findFirst()
              .orElseThrow()
              .value();
      assertThat(match.getOutcome()).isEqualTo(ReconOutcome.MATCHED);
      assertThat(match.getEnvelope().getTraceId()).isEqualTo(TRACE);
    }

    Map<String, Object> logged =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> trailLine(output, payment), Optional::isPresent)
            .orElseThrow();
    assertThat(logged)
        .containsEntry("message", "recon result")
        .containsEntry("level", "INFO")
        .containsEntry("outcome", "MATCHED")
        .containsEntry("trace_id", TRACE);
    assertThat(String.valueOf(logged.get("span_id")))
        .matches("[0-9a-f]{16}")
        .isNotEqualTo(LEDGER_SPAN);
  }

  private static Optional<Map<String, Object>> trailLine(CapturedOutput output, String payment) {
    return output
        .getOut()
        .lines()
        .filter(line -> line.startsWith("{") && line.contains(payment))
        .map(TracedResultIT::parse)
        .filter(json -> "paystream.trail".equals(json.get("logger_name")))
        .findFirst();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String line) {
    return JSON.readValue(line, Map.class);
  }
}
