package com.paystream.recon.statements.ingestion;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.paystream.recon.statements.Fixtures;
import com.paystream.recon.support.ReconInfrastructure;
import com.paystream.recon.support.TopicReader;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.statements.StatementLineKind;
import com.paystream.security.testing.Callers;
import com.paystream.simulator.BankLine;
import com.paystream.simulator.BankStatement;
import com.paystream.simulator.PayoutReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Statement files in over HTTP and the watched directory, lines out on {@code bank.statements.v1}
 * through the real broker and PostgreSQL: each line once, a refused file not at all.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "paystream.recon.inbox-poll-interval=200ms",
      "paystream.recon.outbox.poll-interval=200ms"
    })
class StatementIngestionIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static String prefix;
  private static Path inbox;
  private static TopicReader<StatementLine> statements;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Environment environment;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
    prefix = ReconInfrastructure.register(registry, "ingest");
    inbox = Files.createTempDirectory("recon-inbox");
    registry.add("paystream.recon.inbox-dir", inbox::toString);
  }

  @BeforeAll
  static void readTopic(@Autowired JdbcTemplate ignored) {
    statements = new TopicReader<>(prefix + "bank.statements.v1", StatementLine.class);
  }

  @AfterAll
  static void close() {
    statements.close();
  }

  @Test
  void publishesEveryLineOfACamt053OnceAndIngestsNothingOnTheSecondUpload() throws Exception {
    byte[] camt = Fixtures.bytes("camt053-v08-acme-2025-03-14.xml");

    HttpResponse<String> first = post("/v1/statements?format=camt053", "application/xml", camt);
    HttpResponse<String> second = post("/v1/statements?format=camt.053", "application/xml", camt);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body()).contains("\"newLines\":5").contains("\"duplicateLines\":0");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("\"newLines\":0").contains("\"duplicateLines\":5");
    List<StatementLine> published = awaitLines("ACME-", 5);
    assertThat(published)
        .extracting(StatementLine::getPaymentReference)
        .containsExactlyInAnyOrder(
            "pay-camt-eur-0001",
            "pay-camt-eur-0002",
            "pay-camt-eur-0003",
            "pay-camt-eur-0004",
            "pay-camt-gbp-0001");
    assertThat(lineRows("ACME-%")).isEqualTo(5);
    assertThat(fileRows(true)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void publishesTheLineWithItsKeyAmountsAndDatesExactly() throws Exception {
    post("/v1/statements", "text/plain", Fixtures.bytes("mt940-commerzbank-2025-03-14.sta"));

    List<TopicReader.Keyed<StatementLine>> all =
        statements.awaitUntil(WAIT, read -> count(read, "STMT250314") == 5);
    StatementLine refund =
        all.stream()
            .map(TopicReader.Keyed::value)
            .filter(l -> "pay-mt-eur-0003".equals(l.getPaymentReference()))
            .findFirst()
            .orElseThrow();
    assertThat(refund.getDirection()).isEqualTo(Side.DEBIT);
    assertThat(refund.getAmountMinor()).isEqualTo(2000);
    assertThat(refund.getCurrency()).isEqualTo("EUR");
    assertThat(refund.getBookingDate()).isEqualTo(LocalDate.of(2025, 3, 14));
    assertThat(refund.getValueDate()).isEqualTo(LocalDate.of(2025, 3, 15));
    assertThat(refund.getAccountReference()).isEqualTo("DE89**************3000");
    assertThat(all)
        .filteredOn(k -> k.value().getStatementId().equals("STMT250314EUR/73/1"))
        .extracting(TopicReader.Keyed::key)
        .contains("STMT250314EUR/73/1/4");
  }

  @Test
  void acceptsAMultipartUploadOfTheProviderCsv() throws Exception {
    String boundary = "----recon" + UUID.randomUUID();
    byte[] csv = Fixtures.bytes("provider-simulator-2025-03-14.csv");
    byte[] body = multipart(boundary, "provider-simulator-2025-03-14.csv", csv);

    HttpResponse<String> response =
        post("/v1/statements", "multipart/form-data; boundary=" + boundary, body);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).contains("\"format\":\"PROVIDER_CSV\"").contains("\"newLines\":7");
    assertThat(awaitLines("SIM-20250314-", 7))
        .extracting(StatementLine::getCurrency)
        .contains("EUR", "USD", "JPY");
  }

  @Test
  void refusesAMalformedFileWholeNamingTheElementAndIngestsNothingOfIt() throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/statements?format=camt053",
            "application/xml",
            Fixtures.bytes("malformed/camt053-unknown-element.xml"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body())
        .contains("BkToCstmrStmt/Stmt[1]/Ntry[2]/AcctSvcrReference")
        .contains("unexpected element");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from statement_file where not accepted and error like ?",
                Integer.class,
                "%AcctSvcrReference%"))
        .isEqualTo(1);
  }

  @Test
  void refusesACsvWhoseThirdLineIsBadWithoutIngestingItsGoodFirstLine() throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/statements?format=csv",
            "text/csv",
            Fixtures.bytes("malformed/provider-bad-amount.csv"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("\"where\":\"line 3\"");
    assertThat(lineRows("SIM-20250315-%")).isZero();
  }

  @Test
  void refusesAMetalCurrencyAndAHeaderOnlyCsvWithTheirReasons() throws Exception {
    String header = "statement_id,line_id,booking_date,provider,direction,amount_minor,currency\n";
    HttpResponse<String> gold =
        post(
            "/v1/statements?format=csv",
            "text/csv",
            (header + "XAU-20250315,1,2025-03-15,simulator,CREDIT,100,XAU\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> empty =
        post(
            "/v1/statements?format=csv",
            "text/csv",
            header.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(gold.statusCode()).isEqualTo(422);
    assertThat(gold.body())
        .contains("\"reason\":\"currency-not-accepted\"")
        .contains("\"where\":\"line 2, column currency\"");
    assertThat(lineRows("XAU-20250315%")).isZero();
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("\"reason\":\"empty-statement\"");
  }

  @Test
  void ingestsABai2FileNamedByItsExtension() throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/statements?filename=acme.bai",
            "application/octet-stream",
            Fixtures.bytes("bai2-acmebank-2025-03-14.bai"));

    assertThat(response.statusCode()).isIn(200, 201);
    assertThat(lineRows("bai2-ACMEBANK-250315-1-%")).isEqualTo(6);
  }

  @Test
  void answersBadRequestForAnUnknownOrUnrecognisableFormat() throws Exception {
    assertThat(post("/v1/statements?format=pdf", "application/pdf", new byte[] {1}).statusCode())
        .isEqualTo(400);
    assertThat(post("/v1/statements", "application/octet-stream", new byte[] {1, 2}).statusCode())
        .isEqualTo(400);
  }

  @Test
  void ingestsFilesDroppedInTheInboxAndMovesThemAside() throws Exception {
    Files.write(inbox.resolve("nordic.xml"), Fixtures.bytes("camt053-v02-nordic-2025-03-14.xml"));
    Files.write(inbox.resolve("broken.sta"), Fixtures.bytes("malformed/mt940-unbalanced.sta"));

    await().atMost(WAIT).until(() -> lineRows("NORD-SEK-%") == 2);
    await().atMost(WAIT).until(() -> listing("rejected").size() == 2);
    assertThat(listing("processed")).anyMatch(name -> name.endsWith("-nordic.xml"));
    assertThat(listing("rejected"))
        .anyMatch(name -> name.endsWith("-broken.sta"))
        .anyMatch(name -> name.endsWith("-broken.sta.error.txt"));
    assertThat(Files.exists(inbox.resolve("nordic.xml"))).isFalse();
    assertThat(awaitLines("NORD-SEK-", 2)).hasSize(2);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteIngestedLines() throws Exception {
    post("/v1/statements", "text/plain", Fixtures.bytes("mt940-bare-2025-03-14.txt"));

    // The service's role may not even try; the owner, which may, meets the triggers.
    JdbcTemplate owner = ReconInfrastructure.asOwner(environment);
    for (JdbcTemplate role : List.of(jdbc, owner)) {
      String refusal = role == jdbc ? "permission denied" : "append-only";
      assertThatThrownBy(() -> role.update("update statement_line set amount_minor = 1"))
          .rootCause()
          .hasMessageContaining(refusal);
      assertThatThrownBy(() -> role.update("delete from statement_line"))
          .rootCause()
          .hasMessageContaining(refusal);
      assertThatThrownBy(() -> role.update("delete from statement_file"))
          .rootCause()
          .hasMessageContaining(refusal);
      assertThatThrownBy(() -> role.execute("truncate statement_line cascade"))
          .rootCause()
          .hasMessageContaining(refusal);
    }
  }

  private List<StatementLine> awaitLines(String statementPrefix, int expected) {
    return statements.awaitUntil(WAIT, read -> count(read, statementPrefix) >= expected).stream()
        .map(TopicReader.Keyed::value)
        .filter(l -> l.getStatementId().startsWith(statementPrefix))
        .toList();
  }

  @Test
  void publishesAPayoutReportAndTheBankLineOfItsPayoutWithThePayoutReference() throws Exception {
    LocalDate date = LocalDate.of(2026, 12, 4);
    String reference = "po_sim_EUR_20261204";
    String report =
        String.join(",", PayoutReport.CSV_COLUMNS)
            + "\npayout-sim-EUR-20261204,0001,2026-12-04,2026-12-04,pay-po-1,sim,CREDIT,10000,EUR,"
            + "Payment,payment,"
            + reference
            + "\npayout-sim-EUR-20261204,0002,2026-12-04,2026-12-04,pay-po-1,sim,DEBIT,10000,EUR,"
            + "Chargeback,chargeback,"
            + reference
            + "\npayout-sim-EUR-20261204,FEE,2026-12-04,2026-12-04,,sim,DEBIT,100,EUR,Fee,fee,"
            + reference
            + "\npayout-sim-EUR-20261204,PAYOUT,2026-12-04,2026-12-07,,sim,CREDIT,100,EUR,Payout,"
            + "payout,"
            + reference
            + "\n";
    String bank =
        new BankStatement(
                date.plusDays(3),
                List.of(
                    new BankLine(
                        date.plusDays(3),
                        date.plusDays(3),
                        "EUR",
                        -100,
                        reference,
                        "Payout sim",
                        BankLine.Type.PROVIDER_PAYOUT)))
            .mt940();

    assertThat(post("/v1/statements?format=csv", "text/csv", report.getBytes(UTF_8)).statusCode())
        .isEqualTo(201);
    assertThat(post("/v1/statements?format=mt940", "text/plain", bank.getBytes(UTF_8)).statusCode())
        .isEqualTo(201);

    List<TopicReader.Keyed<StatementLine>> all =
        statements.awaitUntil(
            WAIT,
            read ->
                count(read, "payout-sim-EUR-20261204") == 4 && count(read, "BANK261207EUR") == 1);
    assertThat(all)
        .map(TopicReader.Keyed::value)
        .filteredOn(line -> reference.equals(line.getPayoutReference()))
        .extracting(StatementLine::getLineId, StatementLine::getKind)
        .containsExactlyInAnyOrder(
            tuple("0001", StatementLineKind.PAYMENT),
            tuple("0002", StatementLineKind.CHARGEBACK),
            tuple("FEE", StatementLineKind.FEE),
            tuple("PAYOUT", StatementLineKind.PAYOUT),
            tuple("1", StatementLineKind.PAYOUT));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from statement_line where payout_reference = ?",
                Integer.class,
                reference))
        .isEqualTo(5);
  }

  @Test
  void refusesAPayoutReferenceThatIsNoneAsProblemJson() throws Exception {
    String csv =
        "statement_id,line_id,booking_date,provider,direction,amount_minor,currency,"
            + "payout_reference\npayout-x,0001,2026-12-04,sim,CREDIT,100,EUR,weekly\n";

    HttpResponse<String> response =
        post("/v1/statements?format=csv", "text/csv", csv.getBytes(UTF_8));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("column payout_reference 'weekly' is not a payout reference");
  }

  private static long count(List<TopicReader.Keyed<StatementLine>> read, String statementPrefix) {
    return read.stream()
        .filter(k -> k.value().getStatementId().startsWith(statementPrefix))
        .count();
  }

  private int lineRows(String statementPattern) {
    return jdbc.queryForObject(
        "select count(*) from statement_line where statement_id like ?",
        Integer.class,
        statementPattern);
  }

  private int fileRows(boolean accepted) {
    return jdbc.queryForObject(
        "select count(*) from statement_file where accepted = ?", Integer.class, accepted);
  }

  private static List<String> listing(String folder) throws IOException {
    try (Stream<Path> files = Files.list(inbox.resolve(folder))) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + Callers.OPERATOR)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] multipart(String boundary, String fileName, byte[] content) {
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/csv\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    byte[] h = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + content.length + t.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(content, 0, all, h.length, content.length);
    System.arraycopy(t, 0, all, h.length + content.length, t.length);
    return all;
  }
}
