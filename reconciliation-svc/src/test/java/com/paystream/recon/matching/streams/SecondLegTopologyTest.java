package com.paystream.recon.matching.streams;

import static com.paystream.recon.support.Records.clearingLine;
import static com.paystream.recon.support.Records.envelope;
import static com.paystream.recon.support.Records.statementLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.paystream.recon.matching.MatchRules;
import com.paystream.recon.matching.Resolutions;
import com.paystream.recon.matching.clearing.ClearingCheck;
import com.paystream.recon.matching.internal.InternalRules;
import com.paystream.recon.matching.payouts.PayoutRules;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.recon.BreakState;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.recon.SettlementKind;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.statements.StatementFormat;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.statements.StatementLineKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The second leg on Kafka's topology test driver: provider payouts settled against the bank (1:N
 * report lines, tolerance, every break kind, late arrivals, exactly one settlement), merchant
 * payouts, and payout lines against provider clearing.
 */
class SecondLegTopologyTest {

  private static final Instant START = Instant.parse("2025-03-15T07:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
  private static final LocalDate VALUE = DAY.plusDays(1);
  private static final String PAYOUT = "po_sim_EUR_20250314";
  private static final String REPORT = "payout-sim-EUR-20250314";
  private static final ReconTopics TOPICS = new ReconTopics("");
  private static final Map<String, Object> SERDE = Map.of(AvroSerdeConfig.REGISTRY_URL, "");
  private static final Duration UNKNOWN_GRACE = Duration.ofHours(1);

  private TopologyTestDriver driver;
  private TestInputTopic<String, StatementLine> statements;
  private TestInputTopic<String, CashflowLine> cashflow;
  private TestInputTopic<String, ReconResult> resolutions;
  private TestOutputTopic<String, ReconResult> results;
  private TestOutputTopic<String, Settlement> settlements;
  private final List<ReconResult> seen = new ArrayList<>();
  private long advancedMs;

  private void start(long toleranceMinor) {
    MatchRules rules =
        new MatchRules(
            Duration.ofMinutes(30),
            Duration.ofHours(6),
            Duration.ofHours(2),
            0,
            ZoneOffset.UTC,
            Duration.ofDays(35));
    PayoutRules payoutRules =
        new PayoutRules(
            toleranceMinor,
            Map.of(),
            Duration.ofDays(1),
            Duration.ofHours(6),
            Duration.ofDays(3),
            UNKNOWN_GRACE,
            ZoneOffset.UTC,
            Duration.ofDays(35));
    var topology =
        MatchingTopology.build(
            new MatchingTopology.Settings(
                TOPICS,
                rules,
                new InternalRules(Duration.ofHours(1), Duration.ofDays(35)),
                payoutRules,
                Duration.ofSeconds(1),
                10_000,
                6,
                SERDE));
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
    resolutions =
        driver.createInputTopic(
            TOPICS.manualResolutions().name(),
            new StringSerializer(),
            TOPICS.manualResolutions().valueSerde(SERDE).serializer());
    results =
        driver.createOutputTopic(
            TOPICS.results().name(),
            new StringDeserializer(),
            TOPICS.results().valueSerde(SERDE).deserializer());
    settlements =
        driver.createOutputTopic(
            TOPICS.settlements().name(),
            new StringDeserializer(),
            TOPICS.settlements().valueSerde(SERDE).deserializer());
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  // --- leg A: provider payouts ------------------------------------------------------------

  @Test
  void aPayoutWhoseBankLineMovedItsNetIsMatchedAndSettledOnce() {
    start(0);

    report(); // 10000 + 5000 - 2000 - 300 = 12700
    bank("B1", Side.CREDIT, 12700);

    List<ReconResult> matched = payoutResults();
    assertThat(matched)
        .extracting(
            ReconResult::getPaymentReference,
            ReconResult::getPayoutReference,
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor,
            ReconResult::getBusinessDate)
        .containsExactly(
            tuple(
                PAYOUT,
                PAYOUT,
                ReconOutcome.PAYOUT_MATCHED,
                BreakState.RESOLVED,
                12700L,
                12700L,
                DAY));
    List<Settlement> out = settlements.readValuesToList();
    assertThat(out).hasSize(1);
    Settlement settlement = out.get(0);
    assertThat(settlement.getSettlementId()).isEqualTo(PAYOUT);
    assertThat(settlement.getKind()).isEqualTo(SettlementKind.PROVIDER_PAYOUT);
    assertThat(settlement.getProvider()).isEqualTo("sim");
    assertThat(settlement.getBankAmountMinor()).isEqualTo(12700);
    assertThat(settlement.getPaymentsMinor()).isEqualTo(15000);
    assertThat(settlement.getRefundsMinor()).isEqualTo(2000);
    assertThat(settlement.getFeesMinor()).isEqualTo(300);
    assertThat(settlement.getChargebacksMinor()).isZero();
    assertThat(settlement.getToleratedMinor()).isZero();
    assertThat(settlement.getUnexplainedMinor()).isZero();
    assertThat(settlement.getLineCount()).isEqualTo(4);
    assertThat(settlement.getBusinessDate()).isEqualTo(DAY);
    assertThat(settlement.getValueDate()).isEqualTo(VALUE);
    assertThat(settlement.getStatementId()).isEqualTo("BANK-1");
    assertThat(settlement.getStatementLineId()).isEqualTo("B1");
    assertThat(settlement.getBreakId()).isEqualTo(matched.get(0).getBreakId());
  }

  @Test
  void aBankLineArrivingBeforeTheReportWaitsForTheWholeReport() {
    start(0);

    bank("B1", Side.CREDIT, 12700);
    reportLine("R1", "pay-1", StatementLineKind.PAYMENT, Side.CREDIT, 10000);
    payoutLine(Side.DEBIT, 12700);
    assertThat(settlements.isEmpty()).as("the report does not add up to its net yet").isTrue();

    reportLine("R2", "pay-2", StatementLineKind.PAYMENT, Side.CREDIT, 5000);
    reportLine("R3", "pay-3", StatementLineKind.REFUND, Side.DEBIT, 2000);
    reportLine("R4", null, StatementLineKind.FEE, Side.DEBIT, 300);

    assertThat(settlements.readValuesToList())
        .extracting(Settlement::getBankAmountMinor, Settlement::getLineCount)
        .containsExactly(tuple(12700L, 4));
    assertThat(payoutResults())
        .extracting(ReconResult::getOutcome)
        .containsExactly(ReconOutcome.PAYOUT_MATCHED);
  }

  @Test
  void aRedeliveredBankLineChangesNothingAndASecondBankLineIsABreakNotASecondSettlement() {
    start(0);
    report();
    bank("B1", Side.CREDIT, 12700);
    bank("B1", Side.CREDIT, 12700);
    assertThat(settlements.readValuesToList()).hasSize(1);

    bankOn("BANK-2", "B1", Side.CREDIT, 12700, VALUE);

    assertThat(settlements.isEmpty()).isTrue();
    assertThat(payoutResults())
        .extracting(
            ReconResult::getOutcome, ReconResult::getState, ReconResult::getStatementAmountMinor)
        .containsExactly(
            tuple(ReconOutcome.PAYOUT_MATCHED, BreakState.RESOLVED, 12700L),
            tuple(ReconOutcome.DUPLICATE, BreakState.OPEN, 12700L));
  }

  @Test
  void aDifferenceWithinTheToleranceIsMatchedAndBookedAsTolerated() {
    start(5);
    report();
    bank("B1", Side.CREDIT, 12697);

    assertThat(payoutResults())
        .extracting(ReconResult::getOutcome)
        .containsExactly(ReconOutcome.PAYOUT_MATCHED);
    Settlement settlement = settlements.readValue();
    assertThat(settlement.getToleratedMinor()).isEqualTo(-3);
    assertThat(settlement.getUnexplainedMinor()).isZero();
    assertThat(settlement.getBankAmountMinor()).isEqualTo(12697);
  }

  @Test
  void aShortPayoutSettlesWithTheDifferenceUnexplainedAndOpensABreak() {
    start(5);
    report();
    bank("B1", Side.CREDIT, 12000);

    List<ReconResult> out = payoutResults();
    assertThat(out)
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(tuple(ReconOutcome.PAYOUT_SHORT, BreakState.OPEN, 12000L, 12700L));
    Settlement settlement = settlements.readValue();
    assertThat(settlement.getUnexplainedMinor()).isEqualTo(-700);
    assertThat(settlement.getToleratedMinor()).isZero();
    assertThat(settlement.getBreakId()).isEqualTo(out.get(0).getBreakId());
  }

  @Test
  void anOverPayoutOpensAnOverBreak() {
    start(0);
    report();
    bank("B1", Side.CREDIT, 13000);

    assertThat(payoutResults())
        .extracting(ReconResult::getOutcome, ReconResult::getState)
        .containsExactly(tuple(ReconOutcome.PAYOUT_OVER, BreakState.OPEN));
    assertThat(settlements.readValue().getUnexplainedMinor()).isEqualTo(300);
  }

  @Test
  void anOperatorResolvesAShortPayoutThroughTheResolutionsTopic() {
    start(0);
    report();
    bank("B1", Side.CREDIT, 12000);
    ReconResult open = payoutResults().get(0);

    resolve(open, "fee agreed with the provider");

    List<ReconResult> out = payoutResults();
    assertThat(out)
        .extracting(
            ReconResult::getBreakId,
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getResolution)
        .containsExactly(
            tuple(
                open.getBreakId(),
                ReconOutcome.PAYOUT_SHORT,
                BreakState.RESOLVED,
                "MANUAL: fee agreed with the provider"));
    assertThat(settlements.readValuesToList()).as("settled once, before").hasSize(1);
  }

  @Test
  void aPayoutWithNoBankLineByTheEndOfItsWindowIsMissingUntilTheLateLineSettlesIt() {
    start(0);
    report();
    // Value date 2025-03-15, window one day: the bank statement of the 16th is due on the 17th at
    // 06:00.
    driver.advanceWallClockTime(Duration.ofHours(46));
    assertThat(payoutResults()).isEmpty();
    driver.advanceWallClockTime(Duration.ofHours(2));

    List<ReconResult> missing = payoutResults();
    assertThat(missing)
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(tuple(ReconOutcome.PAYOUT_MISSING, BreakState.OPEN, null, 12700L));
    assertThat(settlements.isEmpty()).isTrue();

    bankOn("BANK-3", "B9", Side.CREDIT, 12700, VALUE.plusDays(3));

    assertThat(payoutResults())
        .extracting(
            ReconResult::getBreakId,
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getResolution)
        .containsExactly(
            tuple(
                missing.get(0).getBreakId(),
                ReconOutcome.PAYOUT_MISSING,
                BreakState.RESOLVED,
                Resolutions.LATE_ARRIVAL));
    Settlement settlement = settlements.readValue();
    assertThat(settlement.getBreakId()).isEqualTo(missing.get(0).getBreakId());
    assertThat(settlement.getValueDate()).isEqualTo(VALUE.plusDays(3));
    assertThat(settlements.isEmpty()).isTrue();
  }

  @Test
  void aNegativePayoutIsDebitedByTheBankAndSettledNegative() {
    start(0);
    reportLine("R1", "pay-1", StatementLineKind.PAYMENT, Side.CREDIT, 1000);
    reportLine("R2", "pay-2", StatementLineKind.REFUND, Side.DEBIT, 2500);
    reportLine("R3", "pay-3", StatementLineKind.CHARGEBACK, Side.DEBIT, 400);
    reportLine("R4", null, StatementLineKind.FEE, Side.DEBIT, 100);
    payoutLine(Side.CREDIT, 2000);
    bank("B1", Side.DEBIT, 2000);

    assertThat(payoutResults())
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(tuple(ReconOutcome.PAYOUT_MATCHED, -2000L, -2000L));
    Settlement settlement = settlements.readValue();
    assertThat(settlement.getBankAmountMinor()).isEqualTo(-2000);
    assertThat(settlement.getPaymentsMinor()).isEqualTo(1000);
    assertThat(settlement.getRefundsMinor()).isEqualTo(2500);
    assertThat(settlement.getChargebacksMinor()).isEqualTo(400);
    assertThat(settlement.getFeesMinor()).isEqualTo(100);
  }

  // --- leg A: merchant payouts ------------------------------------------------------------

  @Test
  void aBankDebitOfAMerchantPayoutConfirmsItOnce() {
    start(0);
    String mpo = "mpo_abcdefghijklmnopqrstuvwx";
    merchantBank(mpo, "M1", Side.DEBIT, 50000);
    merchantBank(mpo, "M1", Side.DEBIT, 50000);

    assertThat(results.readValuesToList())
        .extracting(
            ReconResult::getPaymentReference,
            ReconResult::getPayoutReference,
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor)
        .containsExactly(
            tuple(mpo, mpo, ReconOutcome.MERCHANT_PAYOUT_CONFIRMED, BreakState.RESOLVED, -50000L));
    assertThat(settlements.readKeyValuesToList())
        .extracting(
            kv -> kv.key,
            kv -> kv.value.getKind(),
            kv -> kv.value.getBankAmountMinor(),
            kv -> kv.value.getProvider())
        .containsExactly(
            tuple(mpo, SettlementKind.MERCHANT_PAYOUT_CONFIRMED, -50000L, (String) null));
  }

  @Test
  void aBankCreditOfAMerchantPayoutReturnsItAndStaysOpenUntilAnOperatorResolvesIt() {
    start(0);
    String mpo = "mpo_abcdefghijklmnopqrstuvwx";
    merchantBank(mpo, "M1", Side.DEBIT, 50000);
    merchantBank(mpo, "M2", Side.CREDIT, 50000);

    List<ReconResult> out = results.readValuesToList();
    assertThat(out)
        .extracting(ReconResult::getOutcome, ReconResult::getState)
        .containsExactly(
            tuple(ReconOutcome.MERCHANT_PAYOUT_CONFIRMED, BreakState.RESOLVED),
            tuple(ReconOutcome.MERCHANT_PAYOUT_RETURNED, BreakState.OPEN));
    assertThat(settlements.readValuesToList())
        .extracting(Settlement::getKind, Settlement::getBankAmountMinor)
        .containsExactly(
            tuple(SettlementKind.MERCHANT_PAYOUT_CONFIRMED, -50000L),
            tuple(SettlementKind.MERCHANT_PAYOUT_RETURNED, 50000L));

    resolve(out.get(1), "merchant's IBAN corrected, paid again");

    assertThat(results.readValuesToList())
        .extracting(ReconResult::getBreakId, ReconResult::getState)
        .containsExactly(tuple(out.get(1).getBreakId(), BreakState.RESOLVED));
  }

  // --- leg B: payout lines against provider clearing --------------------------------------

  @Test
  void aPayoutLineAgreeingWithTheBookingIsPaidOut() {
    start(0);
    booking("pay-1", 1, 10000);
    reportLine("R1", "pay-1", StatementLineKind.PAYMENT, Side.CREDIT, 10000);

    assertThat(paidOutResults())
        .extracting(
            ReconResult::getPaymentReference,
            ReconResult::getPayoutReference,
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(
            tuple("pay-1", PAYOUT, ReconOutcome.PAID_OUT, BreakState.RESOLVED, 10000L, 10000L));
  }

  @Test
  void aPayoutLineDifferingFromTheBookingIsAMismatchAfterTheGrace() {
    start(0);
    booking("pay-1", 1, 10000);
    reportLine("R1", "pay-1", StatementLineKind.PAYMENT, Side.CREDIT, 9000);
    assertThat(paidOutResults()).isEmpty();

    driver.advanceWallClockTime(UNKNOWN_GRACE.plusMinutes(1));

    assertThat(paidOutResults())
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor)
        .containsExactly(tuple(ReconOutcome.PAYOUT_LINE_MISMATCH, BreakState.OPEN, 9000L, 10000L));
  }

  @Test
  void aPayoutLineTheBooksNeverSawIsUnknownUntilTheLateBookingClosesIt() {
    start(0);
    reportLine("R1", "pay-lost", StatementLineKind.PAYMENT, Side.CREDIT, 4200);
    driver.advanceWallClockTime(UNKNOWN_GRACE.plusMinutes(1));
    List<ReconResult> unknown = paidOutResults();
    assertThat(unknown)
        .extracting(ReconResult::getOutcome, ReconResult::getState)
        .containsExactly(tuple(ReconOutcome.PAYOUT_LINE_UNKNOWN, BreakState.OPEN));

    booking("pay-lost", 7, 4200);

    assertThat(paidOutResults())
        .extracting(ReconResult::getBreakId, ReconResult::getOutcome, ReconResult::getResolution)
        .containsExactly(
            tuple(
                unknown.get(0).getBreakId(),
                ReconOutcome.PAYOUT_LINE_UNKNOWN,
                Resolutions.LATE_ARRIVAL));
  }

  @Test
  void aBookedPaymentNoPayoutContainedIsNotPaidOutUntilAPayoutContainsIt() {
    start(0);
    booking("pay-1", 1, 10000);
    // Booked on the 14th, owed its payout three days after the 14th ended: the 18th, 00:00.
    driver.advanceWallClockTime(Duration.ofHours(64));
    assertThat(paidOutResults()).isEmpty();
    driver.advanceWallClockTime(Duration.ofHours(2));
    List<ReconResult> notPaid = paidOutResults();
    assertThat(notPaid)
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getInternalAmountMinor,
            ReconResult::getBusinessDate)
        .containsExactly(tuple(ReconOutcome.NOT_PAID_OUT, BreakState.OPEN, null, 10000L, DAY));

    reportLine("R1", "pay-1", StatementLineKind.PAYMENT, Side.CREDIT, 10000);

    assertThat(paidOutResults())
        .extracting(ReconResult::getBreakId, ReconResult::getState, ReconResult::getResolution)
        .containsExactly(
            tuple(notPaid.get(0).getBreakId(), BreakState.RESOLVED, Resolutions.LATE_ARRIVAL));
  }

  @Test
  void aChargebackLineIsAnOpenBreakAnOperatorCloses() {
    start(0);
    booking("pay-1", 1, 10000);
    reportLine("R1", "pay-1", StatementLineKind.CHARGEBACK, Side.DEBIT, 10000);

    List<ReconResult> out = paidOutResults();
    assertThat(out)
        .extracting(
            ReconResult::getOutcome,
            ReconResult::getState,
            ReconResult::getStatementAmountMinor,
            ReconResult::getPayoutReference)
        .containsExactly(tuple(ReconOutcome.CHARGEBACK, BreakState.OPEN, -10000L, PAYOUT));

    resolve(out.get(0), "dispute lost, booked by finance");

    assertThat(paidOutResults())
        .extracting(ReconResult::getBreakId, ReconResult::getState)
        .containsExactly(tuple(out.get(0).getBreakId(), BreakState.RESOLVED));
  }

  // --- the first leg is not changed by the second ----------------------------------------

  @Test
  void linesNamingAPayoutNeverReachTheFirstLegAndOthersStayAwaitingSettlement() {
    start(0);
    report();
    bank("B1", Side.CREDIT, 12700);
    // A payout line without a payout reference: the first leg, as before.
    statements.pipeInput(
        "S9/L1",
        statementLine(
            "S9", "L1", "SWEEP-1", StatementLineKind.PAYOUT, Side.DEBIT, 500, "EUR", DAY));
    // The ledger's provider settlement names no payment and is matched by neither leg.
    cashflow.pipeInput(
        "acct",
        clearingLine(
            null, "e-ps", 9, EntryType.PROVIDER_SETTLEMENT, Side.CREDIT, 12700, "EUR", VALUE));

    List<ReconResult> firstLeg =
        seen().stream().filter(r -> r.getPayoutReference() == null).toList();
    assertThat(firstLeg)
        .extracting(ReconResult::getOutcome)
        .containsExactly(ReconOutcome.PAYOUT_AWAITING_SETTLEMENT);
  }

  // --- the clearing check ----------------------------------------------------------------

  @Test
  void clearingEqualsWhatIsNotPaidOutPlusWhatAwaitsTheBankAtEveryStepOfAPayout() {
    start(0);

    clearing("pay-1", "e-1", 1, EntryType.PAYMENT, Side.DEBIT, 10000, 10000);
    clearing("pay-2", "e-2", 2, EntryType.PAYMENT, Side.DEBIT, 5000, 15000);
    clearing("pay-3", "e-3", 3, EntryType.REFUND, Side.CREDIT, 2000, 13000);
    assertClearing(13000, 13000, 0, 0);

    report(); // the payment and refund lines: 10000 + 5000 - 2000
    assertClearing(13000, 0, 13000, 0);

    bank("B1", Side.CREDIT, 12700);
    assertThat(settlements.readValuesToList()).hasSize(1);
    // Settled by reconciliation; the ledger's booking has not come back yet.
    assertClearing(13000, 0, 0, 13000);
    advance(Duration.ofMinutes(5));
    assertThat(clearingCheck().differingSeconds(now())).isEqualTo(300);

    CashflowLine settlement =
        clearing(null, "e-4", 4, EntryType.PROVIDER_SETTLEMENT, Side.CREDIT, 13000, 0);
    assertClearing(0, 0, 0, 0);
    assertThat(clearingCheck().differingSeconds(now())).isZero();

    // The same posting delivered again changes nothing; a second booking of the payout shows.
    cashflow.pipeInput("acct", settlement);
    assertClearing(0, 0, 0, 0);
    clearing(null, "e-5", 5, EntryType.PROVIDER_SETTLEMENT, Side.CREDIT, 13000, -13000);
    assertClearing(-13000, 0, 0, -13000);
  }

  @Test
  void aPaymentBookedAfterItsPayoutWasReportedAndAPayoutLineTheBooksNeverSawAddUp() {
    start(0);

    clearing("pay-1", "e-1", 1, EntryType.PAYMENT, Side.DEBIT, 10000, 10000);
    report(); // pay-2 and pay-3 are lines the books have not seen (yet)
    assertClearing(10000, -3000, 13000, 0);
    clearing("pay-2", "e-2", 2, EntryType.PAYMENT, Side.DEBIT, 5000, 15000);
    assertClearing(15000, 2000, 13000, 0);

    bank("B1", Side.CREDIT, 12700);
    clearing(null, "e-3", 3, EntryType.PROVIDER_SETTLEMENT, Side.CREDIT, 13000, 2000);
    // What stays on clearing is exactly what the books and the payout disagree on (pay-3's refund
    // line, which the books never booked), and the check still adds up.
    assertClearing(2000, 2000, 0, 0);
  }

  // --- helpers ----------------------------------------------------------------------------

  /** A complete report of 12700: two payments, a refund, a fee, and its PAYOUT line. */
  private void report() {
    reportLine("R1", "pay-1", StatementLineKind.PAYMENT, Side.CREDIT, 10000);
    reportLine("R2", "pay-2", StatementLineKind.PAYMENT, Side.CREDIT, 5000);
    reportLine("R3", "pay-3", StatementLineKind.REFUND, Side.DEBIT, 2000);
    reportLine("R4", null, StatementLineKind.FEE, Side.DEBIT, 300);
    payoutLine(Side.DEBIT, 12700);
  }

  private void reportLine(
      String lineId, String payment, StatementLineKind kind, Side side, long minor) {
    StatementLine line =
        StatementLine.newBuilder(
                statementLine(REPORT, lineId, payment, kind, side, minor, "EUR", DAY))
            .setProvider("sim")
            .setPayoutReference(PAYOUT)
            .build();
    statements.pipeInput(REPORT + "/" + lineId, line);
  }

  private void payoutLine(Side side, long minor) {
    StatementLine line =
        StatementLine.newBuilder(
                statementLine(
                    REPORT, "P", PAYOUT, StatementLineKind.PAYOUT, side, minor, "EUR", DAY))
            .setProvider("sim")
            .setPayoutReference(PAYOUT)
            .setValueDate(VALUE)
            .build();
    statements.pipeInput(REPORT + "/P", line);
  }

  private void bank(String lineId, Side side, long minor) {
    bankOn("BANK-1", lineId, side, minor, VALUE);
  }

  private void bankOn(String statementId, String lineId, Side side, long minor, LocalDate date) {
    statements.pipeInput(
        statementId + "/" + lineId, bankLine(statementId, lineId, PAYOUT, side, minor, date));
  }

  private void merchantBank(String mpo, String lineId, Side side, long minor) {
    statements.pipeInput("BANK-1/" + lineId, bankLine("BANK-1", lineId, mpo, side, minor, VALUE));
  }

  private static StatementLine bankLine(
      String statementId, String lineId, String reference, Side side, long minor, LocalDate date) {
    return StatementLine.newBuilder()
        .setEnvelope(envelope())
        .setStatementId(statementId)
        .setLineId(lineId)
        .setFormat(StatementFormat.CAMT053)
        .setAccountReference("DE89****3000")
        .setProvider(null)
        .setPaymentReference(reference)
        .setPayoutReference(reference)
        .setDirection(side)
        .setKind(side == Side.CREDIT ? StatementLineKind.PAYMENT : StatementLineKind.PAYOUT)
        .setAmountMinor(minor)
        .setCurrency("EUR")
        .setBookingDate(date)
        .setValueDate(date)
        .setDescription(reference)
        .build();
  }

  private void booking(String payment, long sequence, long minor) {
    cashflow.pipeInput(
        "acct",
        clearingLine(
            payment, "e-" + sequence, sequence, EntryType.PAYMENT, Side.DEBIT, minor, "EUR", DAY));
  }

  /** A line on provider clearing with the running balance the ledger would give it. */
  private CashflowLine clearing(
      String payment,
      String entryId,
      long sequence,
      EntryType type,
      Side side,
      long minor,
      long balanceAfter) {
    CashflowLine line =
        CashflowLine.newBuilder(
                clearingLine(payment, entryId, sequence, type, side, minor, "EUR", DAY))
            .setBalanceAfterMinor(balanceAfter)
            .build();
    cashflow.pipeInput("acct", line);
    return line;
  }

  private ClearingCheck clearingCheck() {
    KeyValueStore<String, ClearingCheck> checks =
        driver.getKeyValueStore(ReconStores.CLEARING_CHECKS);
    return checks.get("EUR");
  }

  private void assertClearing(long balance, long unpaid, long awaiting, long difference) {
    ClearingCheck check = clearingCheck();
    assertThat(List.of(check.balance(), check.unpaid(), check.awaiting(), check.difference()))
        .as("balance, unpaid, awaiting, difference")
        .containsExactly(balance, unpaid, awaiting, difference);
  }

  private void advance(Duration by) {
    driver.advanceWallClockTime(by);
    advancedMs += by.toMillis();
  }

  private long now() {
    return START.toEpochMilli() + advancedMs;
  }

  private void resolve(ReconResult open, String reason) {
    resolutions.pipeInput(
        open.getPaymentReference(),
        ReconResult.newBuilder(open)
            .setEnvelope(envelope())
            .setState(BreakState.RESOLVED)
            .setResolution(Resolutions.manual(reason))
            .build());
  }

  /** Everything on the results topic so far. */
  private List<ReconResult> seen() {
    seen.addAll(results.readValuesToList());
    return seen;
  }

  /** The new results about a payout itself (leg A), read off the topic. */
  private List<ReconResult> payoutResults() {
    return fresh().stream()
        .filter(r -> r.getPayoutReference() != null)
        .filter(r -> r.getPayoutReference().equals(r.getPaymentReference()))
        .toList();
  }

  /** The new results about payments in payouts (leg B), read off the topic. */
  private List<ReconResult> paidOutResults() {
    return fresh().stream()
        .filter(
            r -> r.getOutcome().name().matches("PAID_OUT|PAYOUT_LINE_.*|NOT_PAID_OUT|CHARGEBACK"))
        .toList();
  }

  private List<ReconResult> fresh() {
    List<ReconResult> fresh = results.readValuesToList();
    seen.addAll(fresh);
    return fresh;
  }
}
