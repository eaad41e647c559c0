package com.paystream.recon.flow;

import static com.paystream.recon.support.Records.clearingLine;
import static com.paystream.recon.support.Records.envelope;
import static com.paystream.recon.support.Records.statementLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.recon.clearing.ClearingGauges;
import com.paystream.recon.report.DailyReport;
import com.paystream.recon.report.DailyReports;
import com.paystream.recon.support.ReconHttp;
import com.paystream.recon.support.ReconInfrastructure;
import com.paystream.recon.support.TopicReader;
import com.paystream.recon.support.TopicWriter;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.recon.BreakState;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.recon.SettlementKind;
import com.paystream.schemas.statements.StatementFormat;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.statements.StatementLineKind;
import com.paystream.security.testing.AccessProbe;
import com.paystream.security.testing.Callers;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second leg on the real broker: the ledger's bookings on provider clearing, a provider's
 * payout report and the bank line that moved the payout go in as their contracts; out come exactly
 * one Settlement for the ledger, PAYOUT_MATCHED and PAID_OUT results, a duplicate bank line as a
 * break (not a second settlement), the day's report counting both legs, and the clearing check
 * (over HTTP and as gauges) differing until the ledger's booking of the settlement comes back. A
 * short payout is a break two operators resolve over HTTP.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"paystream.recon.punctuate-interval=200ms"})
// The first test counts every result and settlement on the topics: the second one's come after.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementFlowIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  // Today's payout: every deadline of the second leg lies days ahead, so only matching happens.
  private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC);
  private static final String PAYOUT = payout("EUR");

  private static ReconTopics topics;
  private static TopicWriter writer;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired DailyReports reports;
  @Autowired ClearingGauges gauges;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    topics = new ReconTopics(ReconInfrastructure.register(registry, "settlement"));
  }

  @BeforeAll
  static void clients() {
    writer = new TopicWriter();
  }

  @AfterAll
  static void close() {
    writer.close();
  }

  @Test
  @Order(1)
  void aPayoutReportAndItsBankLineSettleOnceAndAreReported() {
    writer.send(
        topics.cashflow(),
        "acct-clearing",
        clearingLine("pay-po-1", "e-1", 1, EntryType.PAYMENT, Side.DEBIT, 10000, "EUR", DAY));
    booked(
        "acct-clearing",
        clearingLine("pay-po-2", "e-2", 2, EntryType.PAYMENT, Side.DEBIT, 5000, "EUR", DAY),
        15000);
    report("EUR", "R1", "pay-po-1", StatementLineKind.PAYMENT, Side.CREDIT, 10000);
    report("EUR", "R2", "pay-po-2", StatementLineKind.PAYMENT, Side.CREDIT, 5000);
    report("EUR", "R3", null, StatementLineKind.FEE, Side.DEBIT, 150);
    report("EUR", "P", null, StatementLineKind.PAYOUT, Side.DEBIT, 14850);
    bank("EUR", "BANK-" + DAY, "B1", 14850);

    try (TopicReader<Settlement> settlements =
            new TopicReader<>(topics.settlements().name(), Settlement.class);
        TopicReader<ReconResult> results =
            new TopicReader<>(topics.results().name(), ReconResult.class)) {
      results.awaitUntil(
          WAIT,
          read ->
              count(read, ReconOutcome.PAYOUT_MATCHED) == 1
                  && count(read, ReconOutcome.PAID_OUT) == 2);
      List<TopicReader.Keyed<Settlement>> settled =
          settlements.awaitUntil(WAIT, read -> !read.isEmpty());
      assertThat(settled).hasSize(1);
      Settlement settlement = settled.get(0).value();
      assertThat(settled.get(0).key()).isEqualTo(PAYOUT);
      assertThat(settlement.getKind()).isEqualTo(SettlementKind.PROVIDER_PAYOUT);
      assertThat(settlement.getBankAmountMinor()).isEqualTo(14850);
      assertThat(settlement.getPaymentsMinor()).isEqualTo(15000);
      assertThat(settlement.getFeesMinor()).isEqualTo(150);
      assertThat(settlement.getLineCount()).isEqualTo(3);
      ReconResult matched =
          results.values().stream()
              .filter(r -> r.getOutcome() == ReconOutcome.PAYOUT_MATCHED)
              .findFirst()
              .orElseThrow();
      assertThat(matched.getPayoutReference()).isEqualTo(PAYOUT);
      assertThat(matched.getState()).isEqualTo(BreakState.RESOLVED);
      assertThat(settlement.getBreakId()).isEqualTo(matched.getBreakId());

      // The same payout on another statement of the bank: a break, never a second settlement.
      bank("EUR", "BANK-COPY-" + DAY, "B1", 14850);
      results.awaitUntil(WAIT, read -> count(read, ReconOutcome.DUPLICATE) == 1);
      assertThat(settlements.poll()).hasSize(1);
    }
    // The operator's list of open breaks names the payout the break is about.
    JsonNode duplicates =
        await()
            .atMost(WAIT)
            .until(
                () -> get("/v1/breaks?outcome=DUPLICATE", Callers.OPERATOR),
                breaks -> breaks != null && breaks.size() == 1);
    assertThat(duplicates.get(0).path("payoutReference").asString()).isEqualTo(PAYOUT);
    assertThat(duplicates.get(0).path("statementId").asString()).isEqualTo("BANK-COPY-" + DAY);

    Map<String, DailyReport.Figures> outcomes =
        await()
            .atMost(WAIT)
            .ignoreExceptionsInstanceOf(InvalidStateStoreException.class)
            .until(
                () -> reports.of(DAY, "ON_DEMAND").get(0).outcomes(),
                figures ->
                    figures.containsKey("PAYOUT_MATCHED") && figures.containsKey("PAID_OUT"));
    assertThat(outcomes.get("PAYOUT_MATCHED")).isEqualTo(new DailyReport.Figures(1, 14850));
    assertThat(outcomes.get("PAID_OUT")).isEqualTo(new DailyReport.Figures(2, 15000));

    // Settled by reconciliation, not yet booked: clearing holds the payout's 15000 it no longer
    // expects. The ledger's booking of the settlement brings it back to 0.
    assertThat(awaitClearing(view -> view.path("differenceMinor").asLong() == 15000)).isNotNull();
    booked(
        "acct-clearing",
        clearingLine(null, "e-3", 3, EntryType.PROVIDER_SETTLEMENT, Side.CREDIT, 15000, "EUR", DAY),
        0);
    JsonNode holds = awaitClearing(view -> view.path("holds").asBoolean());
    assertThat(holds.path("clearingBalanceMinor").asLong()).isZero();
    assertThat(holds.path("unpaidMinor").asLong()).isZero();
    assertThat(holds.path("awaitingPayoutMinor").asLong()).isZero();
    assertThat(holds.path("differingSeconds").asLong()).isZero();

    AccessProbe probe = new AccessProbe(port);
    assertThat(probe.get("/v1/clearing", Callers.OPERATOR)).isEqualTo(200);
    assertThat(probe.get("/v1/clearing", Callers.MERCHANT)).isEqualTo(403);
    assertThat(probe.get("/v1/clearing", AccessProbe.ANONYMOUS)).isEqualTo(401);

    gauges.refresh();
    assertThat(meters.get("recon_clearing_difference_minor").tag("currency", "EUR").gauge().value())
        .isZero();
    assertThat(meters.get("recon_clearing_balance_minor").tag("currency", "EUR").gauge().value())
        .isZero();
  }

  /**
   * A payout the bank paid short beyond the tolerance is booked all the same and stays a break,
   * listed with its payout, until one operator asks to resolve it and another approves.
   */
  @Test
  @Order(2)
  void aShortPayoutIsABreakUntilTwoOperatorsResolveIt() throws Exception {
    booked(
        "acct-clearing-usd",
        clearingLine("pay-po-usd", "e-u1", 1, EntryType.PAYMENT, Side.DEBIT, 20000, "USD", DAY),
        20000);
    report("USD", "R1", "pay-po-usd", StatementLineKind.PAYMENT, Side.CREDIT, 20000);
    report("USD", "R2", null, StatementLineKind.FEE, Side.DEBIT, 200);
    report("USD", "P", null, StatementLineKind.PAYOUT, Side.DEBIT, 19800);
    bank("USD", "BANK-USD-" + DAY, "B1", 19700);

    JsonNode open =
        await()
            .atMost(WAIT)
            .until(
                () -> get("/v1/breaks?outcome=PAYOUT_SHORT&currency=USD", Callers.OPERATOR),
                breaks -> breaks != null && breaks.size() == 1)
            .get(0);
    assertThat(open.path("payoutReference").asString()).isEqualTo(payout("USD"));
    assertThat(open.path("atRiskMinor").asLong()).isEqualTo(100);
    String breakId = open.path("breakId").asString();

    ReconHttp http = new ReconHttp(port);
    HttpResponse<String> requested =
        http.post(
            "/v1/breaks/" + breakId + "/resolution",
            Callers.OPERATOR,
            "{\"reason\":\"provider confirmed an unlisted fee, ticket FIN-7\"}");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    String approval = JSON.readTree(requested.body()).path("approvalId").asString();
    HttpResponse<String> approved =
        http.post("/v1/approvals/" + approval + "/approve", Callers.OPERATOR2, null);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

    try (TopicReader<ReconResult> results =
        new TopicReader<>(topics.results().name(), ReconResult.class)) {
      List<TopicReader.Keyed<ReconResult>> read =
          results.awaitUntil(
              WAIT,
              all ->
                  all.stream()
                      .anyMatch(
                          k ->
                              k.value().getBreakId().equals(breakId)
                                  && k.value().getState() == BreakState.RESOLVED));
      ReconResult resolved =
          read.stream()
              .map(TopicReader.Keyed::value)
              .filter(r -> r.getBreakId().equals(breakId) && r.getState() == BreakState.RESOLVED)
              .findFirst()
              .orElseThrow();
      assertThat(resolved.getOutcome()).isEqualTo(ReconOutcome.PAYOUT_SHORT);
      assertThat(resolved.getPayoutReference()).isEqualTo(payout("USD"));
      assertThat(resolved.getResolution())
          .startsWith("MANUAL: provider confirmed an unlisted fee, ticket FIN-7");
    }
    await()
        .atMost(WAIT)
        .until(
            () -> get("/v1/breaks?outcome=PAYOUT_SHORT&currency=USD", Callers.OPERATOR),
            breaks -> breaks != null && breaks.isEmpty());
  }

  /**
   * EUR's row of {@code GET /v1/clearing}, as an auditor reads it, once it satisfies {@code done}.
   */
  private JsonNode awaitClearing(java.util.function.Predicate<JsonNode> done) {
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              JsonNode rows = get("/v1/clearing", Callers.AUDITOR);
              if (rows == null) {
                return null;
              }
              for (JsonNode view : rows) {
                if (view.path("currency").asString().equals("EUR")) {
                  return view;
                }
              }
              return null;
            },
            view -> view != null && done.test(view));
  }

  /** The body of a {@code GET} by the caller with {@code token}, or null unless it answered 200. */
  private JsonNode get(String path, String token) throws Exception {
    HttpResponse<String> answer = new ReconHttp(port).get(path, token);
    return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
  }

  /** The ledger's clearing {@code line}, carrying the account's balance after it. */
  private static void booked(String key, CashflowLine line, long balanceAfter) {
    writer.send(
        topics.cashflow(),
        key,
        CashflowLine.newBuilder(line).setBalanceAfterMinor(balanceAfter).build());
  }

  private static long count(List<TopicReader.Keyed<ReconResult>> read, ReconOutcome outcome) {
    return read.stream().filter(k -> k.value().getOutcome() == outcome).count();
  }

  /** The simulated provider's payout of {@code currency} for {@link #DAY}. */
  private static String payout(String currency) {
    return "po_sim_" + currency + "_" + DAY.toString().replace("-", "");
  }

  /** A line of the payout report of {@code currency}'s payout. */
  private static void report(
      String currency,
      String lineId,
      String payment,
      StatementLineKind kind,
      Side side,
      long minor) {
    String report = "payout-sim-" + currency + "-" + DAY.toString().replace("-", "");
    StatementLine line =
        StatementLine.newBuilder(
                statementLine(report, lineId, payment, kind, side, minor, currency, DAY))
            .setProvider("sim")
            .setPayoutReference(payout(currency))
            .setValueDate(kind == StatementLineKind.PAYOUT ? DAY.plusDays(1) : DAY)
            .build();
    writer.send(topics.statements(), report + "/" + lineId, line);
  }

  /** Our bank's credit of {@code minor} for {@code currency}'s payout. */
  private static void bank(String currency, String statementId, String lineId, long minor) {
    StatementLine line =
        StatementLine.newBuilder()
            .setEnvelope(envelope())
            .setStatementId(statementId)
            .setLineId(lineId)
            .setFormat(StatementFormat.CAMT053)
            .setAccountReference("DE89****3000")
            .setProvider(null)
            .setPaymentReference(payout(currency))
            .setPayoutReference(payout(currency))
            .setDirection(Side.CREDIT)
            .setKind(StatementLineKind.PAYMENT)
            .setAmountMinor(minor)
            .setCurrency(currency)
            .setBookingDate(DAY.plusDays(1))
            .setValueDate(DAY.plusDays(1))
            .setDescription(payout(currency))
            .build();
    writer.send(topics.statements(), statementId + "/" + lineId, line);
  }
}
