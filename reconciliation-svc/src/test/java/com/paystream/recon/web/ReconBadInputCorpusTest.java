package com.paystream.recon.web;

import static com.paystream.recon.support.Records.statementLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.recon.matching.BreakIds;
import com.paystream.recon.support.ReconInfrastructure;
import com.paystream.recon.support.TopicWriter;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.common.Side;
import com.paystream.security.testing.Callers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of reconciliation that takes input, sent each class of bad input an authorized
 * caller can send (issue 15): the answer is a 4xx problem+json with a stable {@code reason}, never
 * a 5xx, never more than 40 characters of what was sent, and nothing is written but the refusal's
 * audit record (a refused statement file is also kept in {@code statement_file}, the record of what
 * was received; none of its lines are).
 *
 * <p>A break resolved by one operator (the threshold lets one do it) answers a second attempt
 * {@code 409 already-resolved}, whether or not the stream has closed it yet; the break itself is
 * made by a statement line written straight to the topic.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "paystream.recon.lost-order-grace=1s",
      "paystream.recon.punctuate-interval=200ms",
      "paystream.recon.outbox.poll-interval=200ms",
      "paystream.recon.statement-cutoff=36500d",
      // ... and its payments a payout this test never makes (the second leg's NOT_PAID_OUT).
      "paystream.recon.payouts.not-paid-out-after=36500d",
      "paystream.approvals.thresholds-minor.break.resolve=1000000000"
    })
class ReconBadInputCorpusTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

  /** A value far longer than any field takes, of a letter no answer otherwise repeats. */
  private static final String LONG = "Q".repeat(100_000);

  /** What no answer may contain: more than the echo limit of the long value. */
  private static final String ECHOED = "Q".repeat(41);

  private static final String CSV_HEADER =
      "statement_id,line_id,booking_date,value_date,payment_reference,provider,direction,"
          + "amount_minor,currency,description\n";

  private static ReconTopics topics;
  private static TopicWriter writer;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    topics = new ReconTopics(ReconInfrastructure.register(registry, "corpus"));
  }

  @BeforeAll
  static void clients() {
    writer = new TopicWriter();
  }

  @AfterAll
  static void close() {
    writer.close();
  }

  private record Bad(String method, String path, String contentType, String body, int status) {}

  private static Bad get(String path, int status) {
    return new Bad("GET", path, null, null, status);
  }

  private static Bad post(String path, String body, int status) {
    return new Bad("POST", path, "application/json", body, status);
  }

  private static Bad upload(String path, String csv, int status) {
    return new Bad("POST", path, "application/octet-stream", csv, status);
  }

  @Test
  void everyBadInputIsRefusedAsAProblemWithAReasonAndNothingIsWritten() throws Exception {
    String resolvedBreak = resolvedButStillOpenBreak();
    Map<String, Integer> before = writtenRows();
    int refusalsBefore = refusals();
    String unknownBreak = BreakIds.of("pay-nobody:1");
    String approval = UUID.randomUUID().toString();
    List<Bad> operatorCorpus =
        List.of(
            // reports: dates out of range or malformed, currencies not accepted
            get("/v1/reports/+999999999-12-31", 400),
            get("/v1/reports/-999999999-01-01", 400),
            get("/v1/reports/1899-12-31", 400),
            get("/v1/reports/2025-02-30", 400),
            get("/v1/reports/" + LONG.substring(0, 2000), 400),
            get("/v1/reports/2025-03-14?currency=XAU", 400),
            get("/v1/reports/2025-03-14?currency=XXX", 400),
            post("/v1/reports/+999999999-12-31", "", 400),
            post("/v1/reports/-999999999-01-01", "", 400),
            post("/v1/reports/yesterday", "", 400),
            // the clearing check: the only input is the scope
            get("/v1/clearing?scope=everything", 400),
            get("/v1/clearing?scope=" + LONG.substring(0, 2000), 400),
            // break filters and pages
            get("/v1/breaks?from=%2B999999999-12-31", 400),
            get("/v1/breaks?to=-999999999-01-01", 400),
            get("/v1/breaks?from=2025-03-10&to=2025-03-01", 400),
            get("/v1/breaks?from=14.03.2025", 400),
            get("/v1/breaks?currency=XAU", 400),
            get("/v1/breaks?currency=" + LONG.substring(0, 2000), 400),
            get("/v1/breaks?outcome=EVERYTHING", 400),
            get("/v1/breaks?provider=" + LONG.substring(0, 2000), 400),
            get("/v1/breaks?reference=" + LONG.substring(0, 2000), 400),
            get("/v1/breaks?limit=0", 400),
            get("/v1/breaks?limit=1000001", 400),
            get("/v1/breaks?limit=1.5", 400),
            get("/v1/breaks?limit=99999999999999999999", 400),
            // one break, and its resolution
            get("/v1/breaks/" + unknownBreak, 404),
            get("/v1/breaks/bad$id", 400),
            get("/v1/breaks/" + LONG.substring(0, 2000), 400),
            post(
                "/v1/breaks/" + unknownBreak + "/resolution",
                "{\"reason\":\"a fine reason\"}",
                404),
            post("/v1/breaks/" + resolvedBreak + "/resolution", "{\"reason\":\"once more\"}", 409),
            post(
                "/v1/breaks/" + resolvedBreak + "/resolution",
                "{\"reason\":\"" + LONG + "\"}",
                400),
            post("/v1/breaks/" + resolvedBreak + "/resolution", "{\"reason\":", 400),
            post("/v1/breaks/" + resolvedBreak + "/resolution", "", 400),
            post("/v1/breaks/" + resolvedBreak + "/resolution", "{\"reason\":\" \"}", 400),
            post(
                "/v1/breaks/" + resolvedBreak + "/resolution",
                "{\"reason\":\"mine\",\"resolvedBy\":\"alice\"}",
                400),
            post("/v1/breaks/bad$id/resolution", "{\"reason\":\"a fine reason\"}", 400),
            // statements: a line in a currency the suite does not accept, a header alone, ...
            upload(
                "/v1/statements?format=csv",
                CSV_HEADER
                    + "XAU-1,0001,2025-03-14,2025-03-14,pay-gold,simulator,CREDIT,100,XAU,gold\n",
                422),
            upload("/v1/statements?format=csv", CSV_HEADER, 422),
            upload(
                "/v1/statements?format=csv",
                CSV_HEADER
                    + "Q-1,0001,2025-03-14,2025-03-14,"
                    + LONG
                    + ",simulator,CREDIT,100,EUR,x\n",
                422),
            upload("/v1/statements?format=pdf", CSV_HEADER, 400),
            upload(
                "/v1/statements?format=csv&filename=" + LONG.substring(0, 2000), CSV_HEADER, 400),
            upload("/v1/statements", "", 400),
            upload("/v1/statements?format=csv", "", 422),
            // approvals
            get("/v1/approvals?limit=0", 400),
            get("/v1/approvals?limit=abc", 400),
            get("/v1/approvals?state=MAYBE", 400),
            get("/v1/approvals/not-an-id", 400),
            get("/v1/approvals/" + approval, 404),
            post("/v1/approvals/" + approval + "/approve", "{}", 404),
            post("/v1/approvals/" + approval + "/reject", "{\"reason\":\"" + LONG + "\"}", 400),
            post("/v1/approvals/" + approval + "/approve", "{\"reason\":", 400),
            post("/v1/approvals/not-an-id/approve", "{}", 400));
    List<Bad> auditorCorpus =
        List.of(
            get("/v1/audit?from=%2B1000000000-01-01T00:00:00Z", 400),
            get("/v1/audit?to=-1000000000-01-01T00:00:00Z", 400),
            get("/v1/audit?limit=0", 400),
            get("/v1/audit?limit=1.5", 400),
            get("/v1/audit?cursor=" + LONG.substring(0, 2000), 400),
            get("/v1/audit?outcome=MAYBE", 400),
            get("/v1/audit?actor=" + LONG.substring(0, 2000), 400));

    for (Bad bad : operatorCorpus) {
      assertRefused(bad, Callers.OPERATOR);
    }
    for (Bad bad : auditorCorpus) {
      assertRefused(bad, Callers.AUDITOR);
    }

    assertThat(writtenRows()).as("nothing but refusals written").isEqualTo(before);
    long refusedPosts = operatorCorpus.stream().filter(b -> b.method().equals("POST")).count();
    assertThat(refusals() - refusalsBefore)
        .as("one audit record per refused state-changing request, none for reads")
        .isEqualTo(refusedPosts);
  }

  private void assertRefused(Bad bad, String token) throws Exception {
    HttpResponse<String> response = send(bad, token);
    String what =
        bad.method() + " " + abbreviated(bad.path()) + " → " + abbreviated(response.body());
    assertThat(response.statusCode()).as(what).isEqualTo(bad.status());
    assertThat(response.headers().firstValue("Content-Type"))
        .as(what)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(bad.status());
    assertThat(problem.path("reason").asString("")).as(what).matches("[a-z][a-z-]+");
    assertThat(response.body()).as(what).doesNotContain(ECHOED);
  }

  /** Rows a refused request could have written, by table (audit records counted apart). */
  private Map<String, Integer> writtenRows() {
    return Map.of(
        "statement_line", count("select count(*) from statement_line"),
        "statement_file accepted", count("select count(*) from statement_file where accepted"),
        "break_resolution", count("select count(*) from break_resolution"),
        "approval_request", count("select count(*) from approval_request"),
        "approval_decision", count("select count(*) from approval_decision"),
        "outbox (not audit)",
            jdbc.queryForObject(
                "select count(*) from outbox where topic <> ?",
                Integer.class,
                topics.auditEvents().name()));
  }

  private int refusals() {
    return count("select count(*) from audit_record where outcome = 'REFUSED'");
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  /**
   * An unmatched line (a bank's own reference, no payment of ours) that one operator resolved (the
   * threshold lets one do it), closed on the stream since: no longer open, but a second resolution
   * is a conflict, not "not found".
   */
  private String resolvedButStillOpenBreak() throws Exception {
    writer.send(
        topics.statements(),
        "CORPUS/1",
        statementLine("CORPUS", "1", "INV-CORPUS-1", Side.CREDIT, 1_250, "EUR", DAY));
    String breakId = BreakIds.of("INV-CORPUS-1:1");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> send(get("/v1/breaks/" + breakId, 200), Callers.OPERATOR).statusCode() == 200);
    JsonNode leg = JSON.readTree(send(get("/v1/breaks/" + breakId, 200), Callers.OPERATOR).body());
    assertThat(leg.get(0).path("outcome").asString()).isEqualTo("UNMATCHED_LINE");
    assertThat(leg.get(0).path("statementReference").asString()).isEqualTo("INV-CORPUS-1");
    assertThat(leg.get(0).path("statementId").asString()).isEqualTo("CORPUS");
    assertThat(leg.get(0).path("statementLineId").asString()).isEqualTo("1");
    HttpResponse<String> resolved =
        send(
            post("/v1/breaks/" + breakId + "/resolution", "{\"reason\":\"booked by hand\"}", 202),
            Callers.OPERATOR);
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(202);
    assertThat(resolved.body()).contains("resolutionId");
    assertThat(
            jdbc.queryForObject(
                "select outcome from break_resolution where break_id = ?", String.class, breakId))
        .isEqualTo("UNMATCHED_LINE");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> send(get("/v1/breaks/" + breakId, 404), Callers.OPERATOR).statusCode() == 404);
    return breakId;
  }

  private HttpResponse<String> send(Bad bad, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path()))
            .header("Authorization", "Bearer " + token)
            .header("X-Request-Id", "corpus-" + UUID.randomUUID());
    if (bad.method().equals("GET")) {
      request.GET();
    } else {
      request
          .header("Content-Type", bad.contentType())
          .POST(HttpRequest.BodyPublishers.ofString(bad.body(), StandardCharsets.UTF_8));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String abbreviated(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
