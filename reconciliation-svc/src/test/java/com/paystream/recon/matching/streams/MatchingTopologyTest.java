package com.paystream.recon.matching.streams;

import static com.paystream.recon.support.Records.callback;
import static com.paystream.recon.support.Records.cashflowLine;
import static com.paystream.recon.support.Records.clearingLine;
import static com.paystream.recon.support.Records.noFinancialEffect;
import static com.paystream.recon.support.Records.paymentEntry;
import static com.paystream.recon.support.Records.statementLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.paystream.recon.ReconProperties;
import com.paystream.recon.matching.BreakIds;
import com.paystream.recon.matching.MatchRules;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.Resolutions;
import com.paystream.recon.matching.internal.InternalRules;
import com.paystream.recon.support.TopologyProperties;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.PaymentStatus;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.AccountType;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.recon.BreakState;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.statements.StatementLineKind;
import com.paystream.schemas.topics.KafkaConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every outcome of the matching topology, its timers on wall-clock and stream time, late arrivals,
 * duplicates, currency mismatches and dead letters, on Kafka's topology test driver.
 */
class MatchingTopologyTest {

  private static final Instant START = Instant.parse("2025-03-15T07:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
  private static final Duration GRACE = Duration.ofMinutes(30);
  private static final Duration INTERNAL_GRACE = Duration.ofHours(1);
  private static final ReconTopics TOPICS = new ReconTopics("");
  private static final Map<String, Object> SERDE = Map.of(AvroSerdeConfig.REGISTRY_URL, "");

  private TopologyTestDriver driver;
  private TestInputTopic<String, StatementLine> statements;
  private TestInputTopic<String, CashflowLine> cashflow;
  private TestInputTopic<String, ReconResult> resolutions;
  private TestInputTopic<String, PaymentCallback> callbacks;
  private TestInputTopic<String, LedgerEntryEvent> entries;
  private TestInputTopic<String, byte[]> rawStatements;
  private TestOutputTopic<String, ReconResult> results;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  private void start(Duration punctuateInterval, int maxExpiries) {
    MatchRules rules =
        new MatchRules(
            GRACE,
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
                new InternalRules(INTERNAL_GRACE, Duration.ofDays(35)),
                punctuateInterval,
                maxExpiries,
                6,
                SERDE));
    driver = new TopologyTestDriver(topology, config(), START);
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
    resolutions =
        driver.createInputTopic(
            TOPICS.manualResolutions().name(),
            new StringSerializer(),
            TOPICS.manualResolutions().valueSerde(SERDE).serializer());
    callbacks =
        driver.createInputTopic(
            TOPICS.callbacks().name(),
            new StringSerializer(),
            TOPICS.callbacks().valueSerde(SERDE).serializer());
    entries =
        driver.createInputTopic(
            TOPICS.entries().name(),
            new StringSerializer(),
            TOPICS.entries().valueSerde(SERDE).serializer());
    rawStatements =
        driver.createInputTopic(
            TOPICS.statements().name(), new StringSerializer(), new ByteArraySerializer());
    results =
        driver.createOutputTopic(
            TOPICS.results().name(),
            new StringDeserializer(),
            TOPICS.results().valueSerde(SERDE).deserializer());
    deadLetters =
        driver.createOutputTopic(
            TOPICS.deadLetters().name(),
            new StringDeserializer(),
            TOPICS.deadLetters().valueSerde(SERDE).deserializer());
  }

  private void start() {
    start(Duration.ofSeconds(1), 10_000);
  }

  static Properties config() {
    ReconProperties recon =
        TopologyProperties.of(
            "recon-test",
            tempDir(),
            1,
            GRACE,
            Duration.ofHours(6),
            Duration.ofHours(2),
            new ReconProperties.Outbox(100, Duration.ofSeconds(1)));
    Properties p =
        StreamsSettings.of(recon, TOPICS, KafkaConnection.plaintext("unused:9092"), 1, "");
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    return p;
  }

  private static java.nio.file.Path tempDir() {
    try {
      return Files.createTempDirectory("recon-ttd");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  // --- MATCHED -------------------------------------------------------------------------------

  @Test
  void aStatementLineAndItsBookingAreMatched() {
    start();

    credit("pay-1", "L1", 12550, "EUR");
    booking("pay-1", "e-1", 1, 12550, "EUR");

    List<ReconResult> out = results.readValuesToList();
    assertThat(out)
        .extracting(
            ReconResult::getPaymentReference,
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor,
            ReconResult::getCurrency)
        .containsExactly(
            tuple("pay-1", ReconOutcome.MATCHED, BreakState.RESOLVED, 12550L, 12550L, "EUR"));
    assertThat(out.get(0).getBreakId()).isEqualTo(BreakIds.of("pay-1:1"));
    assertThat(out.get(0).getStatementLineId()).isEqualTo("L1");
    assertThat(out.get(0).getEntryId()).isEqualTo("e-1");
    assertThat(out.get(0).getProvider()).isEqualTo("simulator");
  }

  @Test
  void theBusinessDateIsTheStatementsBookingDateNotTheKafkaTimestamp() {
    start();
    LocalDate booked = LocalDate.of(2025, 2, 28);

    statements.pipeInput(
        "S/1",
        statementLine("S", "1", "pay-d", Side.CREDIT, 100, "EUR", booked),
        Instant.parse("2025-03-20T10:00:00Z"));
    booking("pay-d", "e-1", 1, 100, "EUR");

    assertThat(results.readValue().getBusinessDate()).isEqualTo(booked);
  }

  // --- LOST_ORDER and its timer ---------------------------------------------------------------

  @Test
  void aLostOrderIsReportedOnWallClockTimeWithNothingElseArriving() {
    start();
    credit("pay-lost", "L1", 5000, "EUR");

    driver.advanceWallClockTime(GRACE.minusSeconds(5));
    assertNoResultFor("pay-lost");

    driver.advanceWallClockTime(Duration.ofSeconds(6));
    List<ReconResult> out = results.readValuesToList();
    assertThat(out)
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(tuple(ReconOutcome.LOST_ORDER, BreakState.OPEN, 5000L, null));
  }

  @Test
  void theDeadlineSweepAlsoRunsWhenStreamTimeMoves() {
    // Wall-clock punctuation every hour: only the stream-time sweep can report within the hour.
    start(Duration.ofHours(1), 10_000);
    statements.pipeInput(
        "S/1", statementLine("S", "1", "pay-st", Side.CREDIT, 700, "EUR", DAY), START);

    driver.advanceWallClockTime(GRACE.plusMinutes(1));
    assertNoResultFor("pay-st");
    statements.pipeInput(
        "S/2",
        statementLine("S", "2", "pay-other", Side.CREDIT, 1, "EUR", DAY),
        START.plus(Duration.ofHours(2)));

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getPaymentReference, ReconResult::getOutcome)
        .containsExactly(tuple("pay-st", ReconOutcome.LOST_ORDER));
  }

  @Test
  void aLateBookingClosesTheLostOrderItCaused() {
    start();
    credit("pay-late", "L1", 5000, "EUR");
    driver.advanceWallClockTime(GRACE.plusMinutes(1));
    ReconResult lost = results.readValue();

    booking("pay-late", "e-1", 1, 5000, "EUR");

    ReconResult closed = results.readValue();
    assertThat(closed.getBreakId()).isEqualTo(lost.getBreakId());
    assertThat(closed.getOutcome()).isEqualTo(ReconOutcome.LOST_ORDER);
    assertThat(closed.getState()).isEqualTo(BreakState.RESOLVED);
    assertThat(closed.getResolution()).isEqualTo(Resolutions.LATE_ARRIVAL);
    assertThat(closed.getInternalAmountMinor()).isEqualTo(5000L);
    assertThat(openBreaks()).isEmpty();
  }

  // --- classification before matching (issue 15) ---------------------------------------------

  @Test
  void aCreditWithoutReferenceIsAnUnmatchedLineWithAnAddressableBreakId() {
    start();
    statements.pipeInput(
        "STARTUMS/00001/1",
        statementLine("STARTUMS/00001", "1", null, Side.CREDIT, 7550, "SEK", DAY),
        START);

    driver.advanceWallClockTime(GRACE.plusMinutes(1));

    ReconResult line = results.readValue();
    assertThat(line.getOutcome()).isEqualTo(ReconOutcome.UNMATCHED_LINE);
    assertThat(line.getState()).isEqualTo(BreakState.OPEN);
    assertThat(line.getBreakId()).matches(BreakIds.SHAPE).doesNotContain("/", ":");
    assertThat(line.getStatementId()).isEqualTo("STARTUMS/00001");
    assertThat(line.getStatementLineId()).isEqualTo("1");
    assertThat(line.getStatementReference()).isNull();
    assertThat(openBreaks()).extracting(ReconEvent::breakId).containsExactly(line.getBreakId());
  }

  @Test
  void onlyIncomingPaymentsNamingAPaymentOfThisSuiteAreLostOrders() {
    start();
    statements.pipeInput(
        "S/1",
        statementLine(
            "S", "1", "EUR-E2E-001", StatementLineKind.PAYMENT, Side.CREDIT, 100, "EUR", DAY),
        START);
    statements.pipeInput(
        "S/2",
        statementLine("S", "2", "pay-out", StatementLineKind.OTHER, Side.DEBIT, 200, "EUR", DAY),
        START);
    statements.pipeInput(
        "S/3",
        statementLine("S", "3", "pay-other", StatementLineKind.OTHER, Side.CREDIT, 300, "EUR", DAY),
        START);
    statements.pipeInput(
        "S/4",
        statementLine(
            "S", "4", "pay-refund", StatementLineKind.REFUND, Side.DEBIT, 400, "EUR", DAY),
        START);
    statements.pipeInput(
        "S/5",
        statementLine(
            "S", "5", "pay_5e0c", StatementLineKind.PAYMENT, Side.CREDIT, 500, "EUR", DAY),
        START);

    driver.advanceWallClockTime(GRACE.plusMinutes(1));

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getPaymentReference,
            ReconResult::getStatementReference,
            ReconResult::getOutcome)
        .containsExactlyInAnyOrder(
            tuple("EUR-E2E-001", "EUR-E2E-001", ReconOutcome.UNMATCHED_LINE),
            tuple("pay-out", "pay-out", ReconOutcome.UNMATCHED_LINE),
            tuple("pay-other", "pay-other", ReconOutcome.UNMATCHED_LINE),
            tuple("pay-refund", "pay-refund", ReconOutcome.UNMATCHED_LINE),
            tuple("pay_5e0c", "pay_5e0c", ReconOutcome.LOST_ORDER));
  }

  @Test
  void payoutsAndFeesAreReportedAsAwaitingSettlementAtOnceAndNeverNetWithThePayment() {
    start();
    credit("pay-1", "L1", 10_000, "EUR");
    booking("pay-1", "e-1", 1, 10_000, "EUR");
    StatementLine payout =
        statementLine(
            "STMT", "L2", "PO-2025-03-14", StatementLineKind.PAYOUT, Side.DEBIT, 9_000, "EUR", DAY);
    statements.pipeInput("STMT/L2", payout, START);
    statements.pipeInput(
        "STMT/L3",
        statementLine("STMT", "L3", null, StatementLineKind.FEE, Side.DEBIT, 150, "EUR", DAY),
        START);
    statements.pipeInput("STMT/L2", payout, START); // re-delivered

    driver.advanceWallClockTime(Duration.ofDays(2));

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getStatementReference)
        .containsExactlyInAnyOrder(
            tuple(ReconOutcome.MATCHED, BreakState.RESOLVED, 10_000L, "pay-1"),
            tuple(
                ReconOutcome.PAYOUT_AWAITING_SETTLEMENT,
                BreakState.RESOLVED,
                -9_000L,
                "PO-2025-03-14"),
            tuple(ReconOutcome.FEE_AWAITING_SETTLEMENT, BreakState.RESOLVED, -150L, null));
    assertThat(openBreaks()).isEmpty();
  }

  @Test
  void aTransferOutNamingAPaymentOfThisSuiteIsThatPaymentsRefundWhateverTheBankCodeSaid() {
    start();
    credit("pay-t", "L1", 5_000, "EUR");
    booking("pay-t", "e-1", 1, 5_000, "EUR");
    // NTRF or ICDT debits: the bank cannot tell a refund from a payout
    statements.pipeInput(
        "STMT/L2",
        statementLine(
            "STMT", "L2", "pay-t", StatementLineKind.PAYOUT, Side.DEBIT, 2_000, "EUR", DAY),
        START);
    CashflowLine refund =
        clearingLine("pay-t", "e-2", 2, EntryType.REFUND, Side.CREDIT, 2_000, "EUR", DAY);
    cashflow.pipeInput(refund.getAccountId(), refund, START);

    driver.advanceWallClockTime(Duration.ofDays(2));

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getPaymentReference, ReconResult::getOutcome)
        .containsOnly(tuple("pay-t", ReconOutcome.MATCHED));
    assertThat(openBreaks()).isEmpty();
  }

  @Test
  void aRefundOnTheStatementIsMatchedAgainstTheLedgersRefundMovement() {
    start();
    credit("pay-r", "L1", 5_000, "EUR");
    booking("pay-r", "e-1", 1, 5_000, "EUR");
    statements.pipeInput(
        "STMT/L2",
        statementLine(
            "STMT", "L2", "pay-r", StatementLineKind.REFUND, Side.DEBIT, 2_000, "EUR", DAY),
        START);
    CashflowLine refund =
        clearingLine("pay-r", "e-2", 2, EntryType.REFUND, Side.CREDIT, 2_000, "EUR", DAY);
    cashflow.pipeInput(refund.getAccountId(), refund, START);

    driver.advanceWallClockTime(Duration.ofDays(2));

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getPaymentReference, ReconResult::getOutcome)
        .containsOnly(tuple("pay-r", ReconOutcome.MATCHED));
    assertThat(openBreaks()).isEmpty();
  }

  @Test
  void anOperatorResolvesAnUnmatchedLineByItsOpaqueId() {
    start();
    statements.pipeInput(
        "S/7",
        statementLine(
            "S", "7", "INV-2025-77", StatementLineKind.OTHER, Side.CREDIT, 990, "EUR", DAY),
        START);
    driver.advanceWallClockTime(GRACE.plusMinutes(1));
    ReconResult open = results.readValue();

    resolutions.pipeInput(
        open.getPaymentReference(),
        ReconResult.newBuilder(open)
            .setEnvelope(
                Envelope.newBuilder(open.getEnvelope()).setEventId(UUID.randomUUID()).build())
            .setState(BreakState.RESOLVED)
            .setResolution("MANUAL: invoice paid by bank transfer, ticket OPS-9")
            .build(),
        START.plus(Duration.ofHours(1)));

    ReconResult closed = results.readValue();
    assertThat(closed.getBreakId()).isEqualTo(open.getBreakId());
    assertThat(closed.getOutcome()).isEqualTo(ReconOutcome.UNMATCHED_LINE);
    assertThat(closed.getState()).isEqualTo(BreakState.RESOLVED);
    assertThat(openBreaks()).isEmpty();
  }

  // --- MISSING_IN_STATEMENT --------------------------------------------------------------------

  @Test
  void aBookingTheStatementDoesNotShowIsMissingAfterCutoffAndGrace() {
    start();
    booking("pay-miss", "e-1", 1, 999, "USD");
    // Business date 2025-03-14: due 2025-03-15T00:00 + 6h cutoff + 2h grace = 08:00, START is
    // 07:00.

    driver.advanceWallClockTime(Duration.ofMinutes(59));
    assertNoResultFor("pay-miss");
    driver.advanceWallClockTime(Duration.ofMinutes(2));

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor,
            ReconResult::getBusinessDate)
        .containsExactly(
            tuple(ReconOutcome.MISSING_IN_STATEMENT, BreakState.OPEN, null, 999L, DAY));
  }

  @Test
  void aStatementArrivingAfterTheMissingBreakClosesIt() {
    start();
    booking("pay-miss", "e-1", 1, 999, "USD");
    driver.advanceWallClockTime(Duration.ofHours(2));
    results.readValue();

    credit("pay-miss", "L7", 999, "USD");

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getOutcome, ReconResult::getState, ReconResult::getResolution)
        .containsExactly(
            tuple(ReconOutcome.MISSING_IN_STATEMENT, BreakState.RESOLVED, "LATE_ARRIVAL"));
  }

  // --- AMOUNT_MISMATCH ------------------------------------------------------------------------

  @Test
  void differentAmountsAreAMismatch() {
    start();
    booking("pay-mm", "e-1", 1, 10000, "EUR");
    credit("pay-mm", "L1", 9900, "EUR");

    driver.advanceWallClockTime(GRACE.plusMinutes(1));

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(tuple(ReconOutcome.AMOUNT_MISMATCH, BreakState.OPEN, 9900L, 10000L));
  }

  @Test
  void aCurrencyMismatchIsAnAmountMismatchPerCurrency() {
    start();
    booking("pay-cc", "e-1", 1, 10000, "USD");
    credit("pay-cc", "L1", 10000, "EUR");

    driver.advanceWallClockTime(GRACE.plusMinutes(1));

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getBreakId,
            ReconResult::getOutcome,
            ReconResult::getCurrency,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(
            tuple(BreakIds.of("pay-cc:1"), ReconOutcome.AMOUNT_MISMATCH, "EUR", 10000L, 0L),
            tuple(BreakIds.of("pay-cc:1"), ReconOutcome.AMOUNT_MISMATCH, "USD", 0L, 10000L));
  }

  // --- DUPLICATE ------------------------------------------------------------------------------

  @Test
  void theSameCreditOnTwoStatementLinesIsADuplicate() {
    start();
    credit("pay-dup", "L1", 2599, "USD");
    booking("pay-dup", "e-1", 1, 2599, "USD");
    results.readValue();

    statements.pipeInput(
        "S2/L1", statementLine("S2", "L1", "pay-dup", Side.CREDIT, 2599, "USD", DAY), START);

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getBreakId,
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor)
        .containsExactly(
            tuple(BreakIds.of("pay-dup:2"), ReconOutcome.DUPLICATE, BreakState.OPEN, 2599L));
  }

  @Test
  void aSecondBookingOfAPaymentIsADuplicate() {
    start();
    booking("pay-dd", "e-1", 1, 100, "EUR");

    booking("pay-dd", "e-2", 2, 100, "EUR");

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getOutcome, ReconResult::getEntryId)
        .containsExactly(tuple(ReconOutcome.DUPLICATE, "e-2"));
  }

  @Test
  void aRedeliveredRecordChangesNothing() {
    start();
    StatementLine line = statementLine("S", "L1", "pay-re", Side.CREDIT, 300, "EUR", DAY);
    CashflowLine posting =
        clearingLine("pay-re", "e-1", 1, EntryType.PAYMENT, Side.DEBIT, 300, "EUR", DAY);

    statements.pipeInput("S/L1", line, START);
    cashflow.pipeInput(posting.getAccountId(), posting, START);
    statements.pipeInput("S/L1", line, START);
    cashflow.pipeInput(posting.getAccountId(), posting, START);

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getOutcome)
        .containsExactly(ReconOutcome.MATCHED);
  }

  // --- what does not take part ----------------------------------------------------------------

  @Test
  void cashflowOnOtherAccountsIsNotMatched() {
    start();
    CashflowLine merchant =
        cashflowLine(
            "merchant:m-1:EUR",
            AccountType.LIABILITY,
            "pay-x",
            "e-1",
            1,
            EntryType.PAYMENT,
            Side.CREDIT,
            9850,
            "EUR",
            DAY);
    cashflow.pipeInput(merchant.getAccountId(), merchant, START);
    booking("pay-control", "e-2", 2, 9850, "EUR");

    driver.advanceWallClockTime(Duration.ofDays(2));

    assertThat(assertNoResultFor("pay-x"))
        .as("the same line on the clearing account is judged")
        .extracting(ReconResult::getPaymentReference, ReconResult::getOutcome)
        .containsExactly(tuple("pay-control", ReconOutcome.MISSING_IN_STATEMENT));
  }

  // --- manual resolution ----------------------------------------------------------------------

  @Test
  void anOperatorsResolutionClosesTheBreak() {
    start();
    credit("pay-op", "L1", 5000, "EUR");
    driver.advanceWallClockTime(GRACE.plusMinutes(1));
    ReconResult lost = results.readValue();

    resolutions.pipeInput(
        "pay-op",
        ReconResult.newBuilder(lost)
            .setEnvelope(
                Envelope.newBuilder(lost.getEnvelope()).setEventId(UUID.randomUUID()).build())
            .setState(BreakState.RESOLVED)
            .setResolution("MANUAL: booked by hand, ticket OPS-17")
            .build(),
        START.plus(Duration.ofHours(1)));

    ReconResult closed = results.readValue();
    assertThat(closed.getBreakId()).isEqualTo(lost.getBreakId());
    assertThat(closed.getState()).isEqualTo(BreakState.RESOLVED);
    assertThat(closed.getResolution()).isEqualTo("MANUAL: booked by hand, ticket OPS-17");
    assertThat(openBreaks()).isEmpty();
  }

  // --- bounded work per punctuation -----------------------------------------------------------

  @Test
  void eachPunctuationHandlesAtMostTheBoundOfDeadlines() {
    start(Duration.ofSeconds(1), 2);
    for (int i = 1; i <= 5; i++) {
      credit("pay-b" + i, "L" + i, 100 + i, "EUR");
    }

    driver.advanceWallClockTime(GRACE.plusMinutes(1));
    assertThat(results.readValuesToList()).hasSize(2);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(results.readValuesToList()).hasSize(2);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(results.readValuesToList())
        .extracting(ReconResult::getPaymentReference)
        .containsExactly("pay-b5");
  }

  @Test
  void theEarliestDeadlineIsHandledFirst() {
    start(Duration.ofSeconds(1), 1);
    credit("pay-first", "L1", 100, "EUR");
    driver.advanceWallClockTime(Duration.ofMinutes(10));
    credit("pay-second", "L2", 100, "EUR");

    driver.advanceWallClockTime(GRACE);
    assertThat(results.readValuesToList())
        .extracting(ReconResult::getPaymentReference)
        .containsExactly("pay-first");
  }

  // --- state stores ---------------------------------------------------------------------------

  @Test
  void theStoresHoldOpenBreaksBreaksPerBusinessDateAndMatchedTotals() {
    start();
    credit("pay-s1", "L1", 100, "EUR");
    booking("pay-s1", "e-1", 1, 100, "EUR");
    credit("pay-s3", "L3", 50, "EUR");
    booking("pay-s3", "e-3", 3, 50, "EUR");
    credit("pay-s2", "L2", 250, "EUR");
    driver.advanceWallClockTime(GRACE.plusMinutes(1));

    KeyValueStore<String, ReconEvent> byDate = driver.getKeyValueStore(ReconStores.RESULTS_BY_DATE);
    List<ReconEvent> day =
        values(byDate, ReconStores.datePrefix(DAY), ReconStores.datePrefix(DAY.plusDays(1)));
    assertThat(day)
        .extracting(e -> e.reference(), e -> e.outcome().name())
        .containsExactly(tuple("pay-s2", "LOST_ORDER"));
    KeyValueStore<String, com.paystream.recon.matching.DailyTotals> totals =
        driver.getKeyValueStore(ReconStores.MATCHED_TOTALS);
    assertThat(totals.get(ReconStores.totalsKey(DAY, "EUR")))
        .isEqualTo(new com.paystream.recon.matching.DailyTotals(2, 150));
    assertThat(openBreaks()).extracting(ReconEvent::reference).containsExactly("pay-s2");
  }

  // --- dead letters ---------------------------------------------------------------------------

  @Test
  void undecodableBytesAreSkippedAndMatchingGoesOn() {
    // The dead letter itself is written by Kafka Streams' record collector, which the test driver
    // does not capture on the deserialization path: DeadLetteringHandlersTest checks the letter,
    // ReconciliationFlowIT checks that it reaches the topic on a real broker.
    start();
    rawStatements.pipeInput("junk", "not avro".getBytes(StandardCharsets.UTF_8), START);

    credit("pay-after", "L1", 100, "EUR");
    booking("pay-after", "e-1", 1, 100, "EUR");

    assertThat(results.readValue().getOutcome()).isEqualTo(ReconOutcome.MATCHED);
  }

  @Test
  void aLineWithAnInvalidAmountIsDeadLetteredWithTheReason() {
    start();
    statements.pipeInput(
        "S/L1", statementLine("S", "L1", "pay-neg", Side.CREDIT, -5, "EUR", DAY), START);
    statements.pipeInput(
        "S/L2", statementLine("S", "L2", "pay-ccy", Side.CREDIT, 5, "EURO", DAY), START);

    assertThat(deadLetters.readValuesToList())
        .extracting(DeadLetter::getReasonCode, DeadLetter::getPaymentId)
        .containsExactly(tuple("INVALID_AMOUNT", "pay-neg"), tuple("INVALID_CURRENCY", "pay-ccy"));
    credit("pay-valid", "L3", 5, "EUR");
    driver.advanceWallClockTime(Duration.ofDays(3));
    assertThat(assertNoResultFor("pay-neg", "pay-ccy"))
        .as("a valid line of the same statement is judged")
        .extracting(ReconResult::getPaymentReference, ReconResult::getOutcome)
        .containsExactly(tuple("pay-valid", ReconOutcome.LOST_ORDER));
  }

  // --- internal reconciliation: succeeded callbacks against journal entries --------------------

  private static final String CB1 = "00000000-0000-0000-0000-0000000000c1";
  private static final String CB2 = "00000000-0000-0000-0000-0000000000c2";
  private static final String E1 = "00000000-0000-0000-0000-0000000000e1";
  private static final String E2 = "00000000-0000-0000-0000-0000000000e2";

  @Test
  void aSucceededCallbackWithItsOneEntryIsBooked() {
    start();

    succeeded("pay-i1", CB1, 12550, "EUR");
    entry("pay-i1", E1, CB1, 12550, "EUR");

    List<ReconResult> out = results.readValuesToList();
    assertThat(out)
        .extracting(
            ReconResult::getBreakId,
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor,
            ReconResult::getCallbackId,
            ReconResult::getEntryId)
        .containsExactly(
            tuple(
                BreakIds.of("pay-i1:i1"),
                ReconOutcome.BOOKED,
                BreakState.RESOLVED,
                12550L,
                12550L,
                CB1,
                E1));
    assertThat(out.get(0).getBusinessDate()).isEqualTo(DAY);
  }

  @Test
  void callbacksThatAreNotSucceededAndConfirmationsWithoutMoneyTakeNoPart() {
    start();

    callbacks.pipeInput(
        "pay-i2", callback("pay-i2", CB1, PaymentStatus.PENDING, 100, "EUR"), START);
    entries.pipeInput("pay-i2", noFinancialEffect("pay-i2", CB1), START);
    succeeded("pay-control", CB2, 100, "EUR");
    driver.advanceWallClockTime(Duration.ofDays(2));

    assertThat(assertNoResultFor("pay-i2"))
        .as("a succeeded callback without entry is judged")
        .extracting(ReconResult::getPaymentReference, ReconResult::getOutcome)
        .containsExactly(tuple("pay-control", ReconOutcome.NOT_BOOKED));
  }

  @Test
  void aSecondSucceededCallbackOfABookedPaymentIsNoBreak() {
    start();
    succeeded("pay-i3", CB1, 500, "EUR");
    entry("pay-i3", E1, CB1, 500, "EUR");
    assertThat(results.readValuesToList())
        .extracting(ReconResult::getPaymentReference, ReconResult::getOutcome)
        .containsExactly(tuple("pay-i3", ReconOutcome.BOOKED));

    // The status query finds the same success; the ledger confirms it without a second entry.
    succeeded("pay-i3", CB2, 500, "EUR");
    entries.pipeInput("pay-i3", noFinancialEffect("pay-i3", CB2), START);
    succeeded("pay-control", "00000000-0000-0000-0000-0000000000c3", 500, "EUR");
    driver.advanceWallClockTime(INTERNAL_GRACE.multipliedBy(3));

    assertThat(assertNoResultFor("pay-i3"))
        .as("the grace passed: a callback without entry is judged")
        .extracting(ReconResult::getPaymentReference, ReconResult::getOutcome)
        .containsExactly(tuple("pay-control", ReconOutcome.NOT_BOOKED));
  }

  @Test
  void aSucceededCallbackWithoutEntryIsNotBookedOnWallClockTimeAfterTheGrace() {
    start();
    succeeded("pay-i4", CB1, 2599, "USD");

    driver.advanceWallClockTime(INTERNAL_GRACE.minusSeconds(5));
    assertNoResultFor("pay-i4");
    driver.advanceWallClockTime(Duration.ofSeconds(6));

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor,
            ReconResult::getCurrency)
        .containsExactly(tuple(ReconOutcome.NOT_BOOKED, BreakState.OPEN, 2599L, null, "USD"));
    assertThat(openBreaks(ReconStores.INTERNAL_OPEN_BREAKS))
        .extracting(ReconEvent::reference)
        .containsExactly("pay-i4");
  }

  @Test
  void theInternalGraceAlsoPassesOnStreamTime() {
    start(Duration.ofHours(5), 10_000);
    callbacks.pipeInput(
        "pay-i5", callback("pay-i5", CB1, PaymentStatus.SUCCEEDED, 100, "EUR"), START);
    driver.advanceWallClockTime(INTERNAL_GRACE.plusMinutes(1));
    assertNoResultFor("pay-i5");

    callbacks.pipeInput(
        "pay-other",
        callback("pay-other", CB2, PaymentStatus.FAILED, 1, "EUR"),
        START.plus(Duration.ofHours(6)));

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getPaymentReference, ReconResult::getOutcome)
        .containsExactly(tuple("pay-i5", ReconOutcome.NOT_BOOKED));
  }

  @Test
  void aLateEntryClosesTheNotBookedBreak() {
    start();
    succeeded("pay-i6", CB1, 700, "EUR");
    driver.advanceWallClockTime(INTERNAL_GRACE.plusMinutes(1));
    ReconResult open = results.readValue();

    entry("pay-i6", E1, CB1, 700, "EUR");

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getBreakId,
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getResolution)
        .containsExactly(
            tuple(open.getBreakId(), ReconOutcome.NOT_BOOKED, BreakState.RESOLVED, "LATE_ARRIVAL"),
            tuple(BreakIds.of("pay-i6:i2"), ReconOutcome.BOOKED, BreakState.RESOLVED, null));
    assertThat(openBreaks(ReconStores.INTERNAL_OPEN_BREAKS)).isEmpty();
  }

  @Test
  void anEntryNoSucceededCallbackExplainsIsABreakUntilTheCallbackShowsUp() {
    start();
    entry("pay-i7", E1, CB1, 900, "GBP");
    driver.advanceWallClockTime(INTERNAL_GRACE.plusMinutes(1));

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(tuple(ReconOutcome.BOOKED_WITHOUT_CALLBACK, null, 900L));

    succeeded("pay-i7", CB1, 900, "GBP");

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getOutcome, ReconResult::getState, ReconResult::getResolution)
        .containsExactly(
            tuple(ReconOutcome.BOOKED_WITHOUT_CALLBACK, BreakState.RESOLVED, "LATE_ARRIVAL"),
            tuple(ReconOutcome.BOOKED, BreakState.RESOLVED, null));
  }

  @Test
  void aSecondPaymentEntryIsADoubleBookingAtOnce() {
    start();
    succeeded("pay-i8", CB1, 300, "EUR");
    entry("pay-i8", E1, CB1, 300, "EUR");
    results.readValuesToList();

    entry("pay-i8", E2, CB2, 300, "EUR");

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(tuple(ReconOutcome.DOUBLE_BOOKED, BreakState.OPEN, 300L, 600L));
  }

  @Test
  void aRedeliveredCallbackOrEntryChangesNothing() {
    start();
    succeeded("pay-i9", CB1, 300, "EUR");
    entry("pay-i9", E1, CB1, 300, "EUR");
    succeeded("pay-i9", CB1, 300, "EUR");
    entry("pay-i9", E1, CB1, 300, "EUR");

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getOutcome)
        .containsExactly(ReconOutcome.BOOKED);
  }

  @Test
  void anEntryForAnotherAmountThanItsCallbackIsAMismatch() {
    start();
    succeeded("pay-i10", CB1, 10000, "EUR");
    entry("pay-i10", E1, CB1, 9900, "EUR");
    driver.advanceWallClockTime(INTERNAL_GRACE.plusMinutes(1));

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(tuple(ReconOutcome.BOOKED_AMOUNT_MISMATCH, 10000L, 9900L));
  }

  @Test
  void anEntryInAnotherCurrencyThanItsCallbackIsAMismatchPerCurrency() {
    start();
    succeeded("pay-i11", CB1, 10000, "EUR");
    entry("pay-i11", E1, CB1, 10000, "USD");
    driver.advanceWallClockTime(INTERNAL_GRACE.plusMinutes(1));

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getCurrency,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(
            tuple(ReconOutcome.BOOKED_AMOUNT_MISMATCH, "EUR", 10000L, 0L),
            tuple(ReconOutcome.BOOKED_AMOUNT_MISMATCH, "USD", 0L, 10000L));
  }

  @Test
  void anOperatorsResolutionClosesAnInternalBreak() {
    start();
    succeeded("pay-i12", CB1, 5000, "EUR");
    driver.advanceWallClockTime(INTERNAL_GRACE.plusMinutes(1));
    ReconResult open = results.readValue();

    resolutions.pipeInput(
        "pay-i12",
        ReconResult.newBuilder(open)
            .setEnvelope(
                Envelope.newBuilder(open.getEnvelope()).setEventId(UUID.randomUUID()).build())
            .setState(BreakState.RESOLVED)
            .setResolution("MANUAL: provider reversed it, ticket OPS-9")
            .build(),
        START.plus(Duration.ofHours(2)));
    driver.advanceWallClockTime(INTERNAL_GRACE.multipliedBy(2));

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getBreakId, ReconResult::getState, ReconResult::getResolution)
        .containsExactly(
            tuple(
                open.getBreakId(),
                BreakState.RESOLVED,
                "MANUAL: provider reversed it, ticket OPS-9"));
    assertThat(openBreaks(ReconStores.INTERNAL_OPEN_BREAKS)).isEmpty();
  }

  @Test
  void theInternalStoresCountBookingsPerDateAndKeepBreaksByDate() {
    start();
    succeeded("pay-i13", CB1, 100, "EUR");
    entry("pay-i13", E1, CB1, 100, "EUR");
    succeeded("pay-i14", CB2, 40, "EUR");
    driver.advanceWallClockTime(INTERNAL_GRACE.plusMinutes(1));

    KeyValueStore<String, com.paystream.recon.matching.DailyTotals> booked =
        driver.getKeyValueStore(ReconStores.BOOKED_TOTALS);
    assertThat(booked.get(ReconStores.totalsKey(DAY, "EUR")))
        .isEqualTo(new com.paystream.recon.matching.DailyTotals(1, 100));
    KeyValueStore<String, ReconEvent> byDate =
        driver.getKeyValueStore(ReconStores.INTERNAL_RESULTS_BY_DATE);
    // Without an entry the break is dated by the callback's occurred-at (2025-03-15T07:00Z).
    LocalDate callbackDay = DAY.plusDays(1);
    assertThat(
            values(
                byDate,
                ReconStores.datePrefix(callbackDay),
                ReconStores.datePrefix(callbackDay.plusDays(1))))
        .extracting(e -> e.reference(), e -> e.outcome().name())
        .containsExactly(tuple("pay-i14", "NOT_BOOKED"));
  }

  private void succeeded(String paymentId, String callbackId, long amountMinor, String currency) {
    callbacks.pipeInput(
        paymentId,
        callback(paymentId, callbackId, PaymentStatus.SUCCEEDED, amountMinor, currency),
        START);
  }

  private void entry(
      String paymentId, String entryId, String callbackId, long amountMinor, String currency) {
    entries.pipeInput(
        paymentId, paymentEntry(paymentId, entryId, callbackId, amountMinor, currency, DAY), START);
  }

  private List<ReconEvent> openBreaks(String store) {
    KeyValueStore<String, ReconEvent> open = driver.getKeyValueStore(store);
    try (var all = open.all()) {
      List<ReconEvent> events = new java.util.ArrayList<>();
      all.forEachRemaining(kv -> events.add(kv.value));
      return events;
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  /**
   * Reads what the topology emitted since the last read and checks that none of it, of any outcome,
   * is about {@code reference}; returns it, so that the test can show what the topology did emit (a
   * topology that emits nothing at all must not pass).
   */
  private List<ReconResult> assertNoResultFor(String... references) {
    List<ReconResult> out = results.readValuesToList();
    assertThat(out)
        .as("results about %s", List.of(references))
        .extracting(ReconResult::getPaymentReference)
        .doesNotContain(references);
    return out;
  }

  private void credit(String reference, String lineId, long amountMinor, String currency) {
    statements.pipeInput(
        "STMT/" + lineId,
        statementLine("STMT", lineId, reference, Side.CREDIT, amountMinor, currency, DAY),
        START);
  }

  private void booking(
      String reference, String entryId, long sequence, long amountMinor, String ccy) {
    CashflowLine line =
        clearingLine(
            reference, entryId, sequence, EntryType.PAYMENT, Side.DEBIT, amountMinor, ccy, DAY);
    cashflow.pipeInput(line.getAccountId(), line, START);
  }

  private List<ReconEvent> openBreaks() {
    KeyValueStore<String, ReconEvent> open = driver.getKeyValueStore(ReconStores.OPEN_BREAKS);
    try (var all = open.all()) {
      List<ReconEvent> events = new java.util.ArrayList<>();
      all.forEachRemaining(kv -> events.add(kv.value));
      return events;
    }
  }

  private static List<ReconEvent> values(
      KeyValueStore<String, ReconEvent> store, String from, String to) {
    try (var range = store.range(from, to)) {
      List<ReconEvent> events = new java.util.ArrayList<>();
      range.forEachRemaining(kv -> events.add(kv.value));
      return events;
    }
  }
}
