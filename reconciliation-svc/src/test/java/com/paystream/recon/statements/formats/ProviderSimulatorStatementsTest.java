package com.paystream.recon.statements.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.recon.matching.Direction;
import com.paystream.recon.statements.LineKind;
import com.paystream.recon.statements.StatementLineDraft;
import com.paystream.recon.statements.StatementParser;
import com.paystream.simulator.BankLine;
import com.paystream.simulator.BankStatement;
import com.paystream.simulator.Payout;
import com.paystream.simulator.PayoutFault;
import com.paystream.simulator.PayoutFaults;
import com.paystream.simulator.PayoutSchedule;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.ProviderStatement;
import com.paystream.simulator.StandardWebhookSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The statements the provider simulator writes, in all three formats, read by this service's own
 * parsers: the same lines (reference, direction, amount, currency, date) from each, so a scenario
 * can hand reconciliation whichever format it likes. Likewise its payout report (provider CSV with
 * payout references) and our bank's statement on which the payouts arrive (camt.053, MT940).
 */
class ProviderSimulatorStatementsTest {

  private static final Pattern PROVIDER_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private final ProviderSimulator simulator =
      new ProviderSimulator(StandardWebhookSigner.newSecret(), 3);
  private final HttpClient http = HttpClient.newHttpClient();

  private record Line(
      String reference, Direction direction, long amountMinor, String currency, LocalDate date) {

    static Line of(StatementLineDraft draft) {
      return new Line(
          draft.paymentReference(),
          draft.direction(),
          draft.amount().minor(),
          draft.amount().currencyCode(),
          draft.bookingDate());
    }
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void csvMt940AndCamt053CarryTheSameLinesAndEachParsesWhole() throws Exception {
    String eur = paid("pay-sim-eur-1", 1999, "EUR");
    paid("pay-sim-eur-2", 2500, "EUR");
    paid("pay-sim-jpy-1", 1000, "JPY");
    paid("pay-sim-usd-1", 1234, "USD");
    post("/v1/payments/" + eur + "/refunds", "{\"amount_minor\":500}", "refund-1");
    LocalDate date =
        LocalDate.ofInstant(
            simulator.payment("pay-sim-usd-1").orElseThrow().updatedAt(), ZoneOffset.UTC);

    ProviderStatement statement = simulator.statement(date);

    List<Line> expected =
        List.of(
            new Line("pay-sim-eur-1", Direction.CREDIT, 1999, "EUR", date),
            new Line("pay-sim-eur-2", Direction.CREDIT, 2500, "EUR", date),
            new Line("pay-sim-eur-1", Direction.DEBIT, 500, "EUR", date),
            new Line("pay-sim-jpy-1", Direction.CREDIT, 1000, "JPY", date),
            new Line("pay-sim-usd-1", Direction.CREDIT, 1234, "USD", date));
    assertThat(lines(new ProviderCsvParser(), statement.csv()))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(lines(new Mt940Parser(), statement.mt940()))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(lines(new Camt053Parser(), statement.camt053()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aSettledStatementEndsEachCurrencyWithTheFeeAndThePayoutReadAsSuchInEveryFormat()
      throws Exception {
    String eur = paid("pay-sim-eur-4", 10_000, "EUR");
    paid("pay-sim-eur-5", 5_050, "EUR");
    post("/v1/payments/" + eur + "/refunds", "{\"amount_minor\":1000}", "refund-4");
    LocalDate date =
        LocalDate.ofInstant(
            simulator.payment("pay-sim-eur-5").orElseThrow().updatedAt(), ZoneOffset.UTC);

    ProviderStatement settled = simulator.statement(date).settled();

    // fee: 1 % of 15,050 rounded up = 151; payout: 15,050 - 1,000 - 151 = 13,899
    List<Kinded> expected =
        List.of(
            new Kinded(LineKind.PAYMENT, Direction.CREDIT, 10_000),
            new Kinded(LineKind.PAYMENT, Direction.CREDIT, 5_050),
            new Kinded(LineKind.REFUND, Direction.DEBIT, 1_000),
            new Kinded(LineKind.FEE, Direction.DEBIT, 151),
            new Kinded(LineKind.PAYOUT, Direction.DEBIT, 13_899));
    assertThat(settled.payoutLines()).isEqualTo(1);
    assertThat(settled.feeLines()).isEqualTo(1);
    assertThat(kinds(new ProviderCsvParser(), settled.csv())).containsExactlyElementsOf(expected);
    assertThat(kinds(new Mt940Parser(), settled.mt940())).containsExactlyElementsOf(expected);
    assertThat(kinds(new Camt053Parser(), settled.camt053())).containsExactlyElementsOf(expected);

    // a payment booked after the settlement never takes the fee's or the payout's line id:
    // reconciliation would take it for a line it has seen
    List<String> settledIds = lineIds(settled.csv());
    assertThat(settledIds).contains("FEE", "PAYOUT");
    paid("pay-sim-eur-6", 700, "EUR");
    List<String> later = lineIds(simulator.statement(date).csv());
    assertThat(later).hasSize(4).doesNotContain("FEE", "PAYOUT");
    assertThat(later.get(3)).isNotIn(settledIds);
  }

  private List<String> lineIds(String csv) {
    return new ProviderCsvParser()
        .parse(bytes(csv)).lines().stream().map(StatementLineDraft::lineId).toList();
  }

  private record Kinded(LineKind kind, Direction direction, long amountMinor) {}

  private List<Kinded> kinds(StatementParser parser, String content) {
    return parser.parse(bytes(content)).lines().stream()
        .map(line -> new Kinded(line.kind(), line.direction(), line.amount().minor()))
        .toList();
  }

  @Test
  void statementIdsAndLineIdsAreStableSoTheSameStatementIngestsOnce() throws Exception {
    paid("pay-sim-eur-3", 700, "EUR");
    LocalDate date =
        LocalDate.ofInstant(
            simulator.payment("pay-sim-eur-3").orElseThrow().updatedAt(), ZoneOffset.UTC);

    List<StatementLineDraft> first =
        new Camt053Parser().parse(bytes(simulator.statement(date).camt053())).lines();
    List<StatementLineDraft> again =
        new Camt053Parser().parse(bytes(simulator.statement(date).camt053())).lines();

    assertThat(first).hasSize(1);
    assertThat(first.get(0).statementId()).isEqualTo(again.get(0).statementId());
    assertThat(first.get(0).lineId()).isEqualTo(again.get(0).lineId());
    assertThat(simulator.statement(date.plusDays(1)).lineCount()).isZero();
  }

  @Test
  void thePayoutReportIsReadWholeWithItsPayoutReferenceAndItsLinesAddUpToThePayoutLine()
      throws Exception {
    simulator.payoutSchedule(PayoutSchedule.EVERY_DAY);
    String eur = paid("pay-po-eur-1", 10_000, "EUR");
    paid("pay-po-eur-2", 5_050, "EUR");
    paid("pay-po-usd-1", 777, "USD");
    post("/v1/payments/" + eur + "/refunds", "{\"amount_minor\":1000}", "refund-po-1");
    LocalDate date = dateOf("pay-po-usd-1");
    String reference = simulator.payoutReference("EUR", date);

    List<StatementLineDraft> lines =
        new ProviderCsvParser().parse(bytes(simulator.payouts(date).csv())).lines();

    List<StatementLineDraft> euro =
        lines.stream().filter(line -> line.amount().currencyCode().equals("EUR")).toList();
    assertThat(euro)
        .extracting(
            StatementLineDraft::kind, StatementLineDraft::direction, l -> l.amount().minor())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LineKind.PAYMENT, Direction.CREDIT, 10_000L),
            org.assertj.core.groups.Tuple.tuple(LineKind.PAYMENT, Direction.CREDIT, 5_050L),
            org.assertj.core.groups.Tuple.tuple(LineKind.REFUND, Direction.DEBIT, 1_000L),
            org.assertj.core.groups.Tuple.tuple(LineKind.FEE, Direction.DEBIT, 151L),
            org.assertj.core.groups.Tuple.tuple(LineKind.PAYOUT, Direction.DEBIT, 13_899L));
    assertThat(euro).extracting(StatementLineDraft::payoutReference).containsOnly(reference);
    assertThat(euro)
        .extracting(StatementLineDraft::statementId)
        .containsOnly("payout-simulator-EUR-" + date.toString().replace("-", ""));
    assertThat(euro.get(4).valueDate()).isEqualTo(date.plusDays(1));
    assertThat(lines)
        .extracting(StatementLineDraft::payoutReference)
        .contains(simulator.payoutReference("USD", date));
    for (String currency : List.of("EUR", "USD")) {
      assertThat(addsUp(lines, currency)).as(currency).isTrue();
    }
  }

  @Test
  void aChargebackAnUnknownLineAndANegativePayoutAreReadAsSuch() throws Exception {
    simulator.payoutSchedule(PayoutSchedule.EVERY_DAY);
    paid("pay-po-neg-1", 3_000, "EUR");
    paid("pay-po-neg-2", 2_000, "EUR");
    LocalDate date = dateOf("pay-po-neg-2");
    String reference = simulator.payoutReference("EUR", date);
    simulator.payoutFaults(
        PayoutFaults.NONE.on(
            reference, PayoutFault.UNKNOWN_LINE, PayoutFault.CHARGEBACK, PayoutFault.NEGATIVE));

    List<StatementLineDraft> lines =
        new ProviderCsvParser().parse(bytes(simulator.payouts(date).csv())).lines();

    assertThat(lines)
        .filteredOn(line -> line.kind() == LineKind.CHARGEBACK)
        .extracting(StatementLineDraft::paymentReference)
        .contains("pay-po-neg-1", "pay-po-neg-2");
    assertThat(lines)
        .filteredOn(line -> line.kind() == LineKind.PAYMENT)
        .extracting(StatementLineDraft::paymentReference)
        .anyMatch(id -> id.startsWith("pay_unknown_"));
    StatementLineDraft payout = lines.get(lines.size() - 1);
    assertThat(payout.kind()).isEqualTo(LineKind.PAYOUT);
    assertThat(payout.direction()).isEqualTo(Direction.CREDIT);
    assertThat(addsUp(lines, "EUR")).isTrue();
  }

  private record BankRead(
      String payoutReference,
      LineKind kind,
      Direction direction,
      long amountMinor,
      String currency,
      LocalDate bookingDate,
      String provider) {

    static BankRead of(StatementLineDraft line) {
      return new BankRead(
          line.payoutReference(),
          line.kind(),
          line.direction(),
          line.amount().minor(),
          line.amount().currencyCode(),
          line.bookingDate(),
          line.provider());
    }
  }

  @Test
  void theBankStatementCarriesEachPayoutAsOneLineWithItsReferenceInCamt053AndMt940()
      throws Exception {
    simulator.payoutSchedule(PayoutSchedule.EVERY_DAY);
    paid("pay-bank-eur-1", 10_000, "EUR");
    paid("pay-bank-usd-1", 20_000, "USD");
    LocalDate date = dateOf("pay-bank-usd-1");
    LocalDate arrival = date.plusDays(1);
    String eur = simulator.payoutReference("EUR", date);
    String usd = simulator.payoutReference("USD", date);
    simulator.payoutFaults(PayoutFaults.NONE.shortBy(250).on(usd, PayoutFault.SHORT));
    String mpo = "mpo_0123456789abcdefghijKLMN";
    BankStatement statement =
        simulator
            .bankStatement(arrival)
            .with(
                BankLine.merchantPayout(arrival, "EUR", 4_000, mpo),
                BankLine.merchantPayoutReturned(arrival, "EUR", 4_000, mpo));

    List<BankRead> expected =
        List.of(
            new BankRead(eur, LineKind.PAYOUT, Direction.CREDIT, 9_900, "EUR", arrival, null),
            new BankRead(mpo, LineKind.PAYOUT, Direction.DEBIT, 4_000, "EUR", arrival, null),
            new BankRead(mpo, LineKind.PAYOUT, Direction.CREDIT, 4_000, "EUR", arrival, null),
            new BankRead(usd, LineKind.PAYOUT, Direction.CREDIT, 19_550, "USD", arrival, null));
    assertThat(bankLines(new Camt053Parser(), statement.camt053()))
        .containsExactlyElementsOf(expected);
    assertThat(bankLines(new Mt940Parser(), statement.mt940())).containsExactlyElementsOf(expected);
    Payout short_ = simulator.payouts(date).payouts().get(1);
    assertThat(short_.netMinor() - short_.bankAmountMinor()).isEqualTo(250);
  }

  @Test
  void aLatePayoutIsOnTheNextStatementAndAMissingOneOnNone() throws Exception {
    simulator.payoutSchedule(PayoutSchedule.EVERY_DAY);
    paid("pay-late-eur-1", 10_000, "EUR");
    paid("pay-late-usd-1", 10_000, "USD");
    LocalDate date = dateOf("pay-late-usd-1");
    simulator.payoutFaults(
        PayoutFaults.NONE
            .on(simulator.payoutReference("EUR", date), PayoutFault.LATE)
            .on(simulator.payoutReference("USD", date), PayoutFault.MISSING));

    assertThat(simulator.bankStatement(date.plusDays(1)).isEmpty()).isTrue();
    List<StatementLineDraft> late =
        new Camt053Parser()
            .parse(bytes(simulator.bankStatement(date.plusDays(2)).camt053()))
            .lines();

    assertThat(late)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.payoutReference()).isEqualTo(simulator.payoutReference("EUR", date));
              assertThat(line.bookingDate()).isEqualTo(date.plusDays(2));
              assertThat(line.valueDate()).isEqualTo(date.plusDays(1));
            });
    for (int day = 0; day < 10; day++) {
      assertThat(simulator.bankStatement(date.plusDays(day)).lines())
          .noneMatch(line -> line.currency().equals("USD"));
    }
  }

  /** The report's lines other than PAYOUT, signed, equal the PAYOUT line's net. */
  private static boolean addsUp(List<StatementLineDraft> lines, String currency) {
    long sum = 0;
    long payout = 0;
    int payoutLines = 0;
    for (StatementLineDraft line : lines) {
      if (!line.amount().currencyCode().equals(currency)) {
        continue;
      }
      long minor = line.amount().minor();
      if (line.kind() == LineKind.PAYOUT) {
        payout = line.direction() == Direction.DEBIT ? minor : -minor;
        payoutLines++;
      } else {
        sum += line.direction() == Direction.CREDIT ? minor : -minor;
      }
    }
    return payoutLines == 1 && sum == payout;
  }

  private List<BankRead> bankLines(StatementParser parser, String content) {
    return parser.parse(bytes(content)).lines().stream().map(BankRead::of).toList();
  }

  private LocalDate dateOf(String paymentId) {
    return LocalDate.ofInstant(
        simulator.payment(paymentId).orElseThrow().updatedAt(), ZoneOffset.UTC);
  }

  private List<Line> lines(StatementParser parser, String content) {
    return parser.parse(bytes(content)).lines().stream().map(Line::of).toList();
  }

  private static byte[] bytes(String content) {
    return content.getBytes(StandardCharsets.UTF_8);
  }

  /** Creates the payment at the simulator and pays it; returns the provider's id. */
  private String paid(String paymentId, long amountMinor, String currency) throws Exception {
    String created =
        post(
            "/v1/payments",
            "{\"payment_id\":\"%s\",\"merchant_id\":\"m-1\",\"amount_minor\":%d,\"currency\":\"%s\"}"
                .formatted(paymentId, amountMinor, currency),
            paymentId);
    Matcher id = PROVIDER_ID.matcher(created);
    assertThat(id.find()).as(created).isTrue();
    post("/checkout/" + id.group(1), "", null);
    return id.group(1);
  }

  private String post(String path, String body, String idempotencyKey) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return response.body();
  }
}
