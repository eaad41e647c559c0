package com.paystream.recon.audit;

import static com.paystream.recon.support.Records.statementLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.paystream.recon.matching.BreakIds;
import com.paystream.recon.support.ReconInfrastructure;
import com.paystream.recon.support.TopicReader;
import com.paystream.recon.support.TopicWriter;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.common.Side;
import com.paystream.security.testing.Callers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
 * Four eyes on manual break resolutions and the audit trail, over HTTP against the real broker and
 * PostgreSQL: each break is a lost order made by a statement line nobody booked.
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
      "paystream.approvals.expire-after=3s"
    })
class AuditAndFourEyesIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

  private static ReconTopics topics;
  private static TopicWriter writer;
  private static TopicReader<AuditEvent> events;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    topics = new ReconTopics(ReconInfrastructure.register(registry, "audit"));
  }

  @BeforeAll
  static void clients() {
    writer = new TopicWriter();
  }

  @AfterAll
  static void close() {
    writer.close();
    if (events != null) {
      events.close();
    }
  }

  @Test
  void aResolutionApprovedByASecondOperatorHappensOnceWithBothNames() throws Exception {
    String breakId = openBreak("four-ok", 120_00);

    HttpResponse<String> requested = resolve(breakId, "{\"reason\":\"bank confirmed\"}", "r-1");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    String approvalId = json(requested).get("approvalId").asString();
    assertThat(json(requested).get("action").asString()).isEqualTo("break.resolve");
    assertThat(resolutions(breakId)).isEmpty();

    HttpResponse<String> approved = decide(approvalId, "approve", Callers.OPERATOR2, "r-2");
    HttpResponse<String> twice = decide(approvalId, "approve", Callers.OPERATOR2, "r-3");

    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    JsonNode result = json(approved).get("result");
    assertThat(result.get("resolvedBy").asString()).isEqualTo("operator:olga");
    assertThat(result.get("approvedBy").asString()).isEqualTo("operator:oscar");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(json(twice).get("reason").asString()).isEqualTo("already-decided");
    assertThat(resolutions(breakId)).containsExactly("operator:olga/operator:oscar");
    assertThat(outcomes(breakId)).containsExactly("REQUESTED", "APPROVED");
    assertThat(outcomesOf("r-3")).containsExactly("REFUSED");
    awaitEvents(breakId, 2);
  }

  @Test
  void selfApprovalIsRefusedAndChangesNothing() throws Exception {
    String breakId = openBreak("four-self", 50_00);
    String approvalId =
        json(resolve(breakId, "{\"reason\":\"mine alone\"}", "s-1")).get("approvalId").asString();

    HttpResponse<String> self = decide(approvalId, "approve", Callers.OPERATOR, "s-2");

    assertThat(self.statusCode()).isEqualTo(403);
    assertThat(json(self).get("reason").asString()).isEqualTo("self-approval");
    assertThat(resolutions(breakId)).isEmpty();
    assertThat(decisions(approvalId)).isZero();
    assertThat(outcomesOf("s-2")).containsExactly("REFUSED");
    assertThat(json(get("/v1/approvals/" + approvalId, Callers.AUDITOR)).get("state").asString())
        .isEqualTo("PENDING");
  }

  @Test
  void aRejectedRequestChangesNothing() throws Exception {
    String breakId = openBreak("four-no", 70_00);
    String approvalId =
        json(resolve(breakId, "{\"reason\":\"please\"}", "n-1")).get("approvalId").asString();

    HttpResponse<String> rejected = decide(approvalId, "reject", Callers.OPERATOR2, "n-2");

    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    assertThat(json(rejected).get("approval").get("state").asString()).isEqualTo("REJECTED");
    assertThat(decide(approvalId, "approve", Callers.OPERATOR2, "n-3").statusCode()).isEqualTo(409);
    assertThat(resolutions(breakId)).isEmpty();
    assertThat(outcomes(breakId)).containsExactly("REQUESTED", "REJECTED");
  }

  @Test
  void anExpiredRequestCannotBeApproved() throws Exception {
    String breakId = openBreak("four-late", 30_00);
    String approvalId =
        json(resolve(breakId, "{\"reason\":\"too slow\"}", "e-1")).get("approvalId").asString();
    await()
        .atMost(WAIT)
        .until(
            () -> get("/v1/approvals?state=EXPIRED", Callers.OPERATOR).body().contains(approvalId));

    HttpResponse<String> late = decide(approvalId, "approve", Callers.OPERATOR2, "e-2");

    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(json(late).get("reason").asString()).isEqualTo("expired");
    assertThat(resolutions(breakId)).isEmpty();
    assertThat(outcomes(breakId)).containsExactly("REQUESTED", "EXPIRED");
    assertThat(decide(approvalId, "approve", Callers.OPERATOR2, "e-3").statusCode()).isEqualTo(409);
    assertThat(outcomes(breakId)).containsExactly("REQUESTED", "EXPIRED");
  }

  @Test
  void refusedRequestsLeaveOneAuditRecordAndOneEventAndNothingElse() throws Exception {
    String breakId = openBreak("refused", 10_00);
    int approvalsBefore = count("approval_request");
    int othersBefore = nonAuditOutbox();

    assertThat(resolve(breakId, "{\"reason\":\"anon\"}", null, "x-anon").statusCode())
        .isEqualTo(401);
    assertThat(resolve(breakId, "{\"reason\":\"bad key\"}", "psk_wrong", "x-key").statusCode())
        .isEqualTo(401);
    assertThat(
            resolve(breakId, "{\"reason\":\"merchant\"}", Callers.MERCHANT, "x-role").statusCode())
        .isEqualTo(403);
    assertThat(resolve(breakId, "{\"reason\":\"auditor\"}", Callers.AUDITOR, "x-aud").statusCode())
        .isEqualTo(403);
    assertThat(resolve(breakId, "{\"reason\":\"x\",\"resolvedBy\":\"eve\"}", "x-body").statusCode())
        .isEqualTo(400);

    for (String requestId : List.of("x-anon", "x-key", "x-role", "x-aud", "x-body")) {
      assertThat(outcomesOf(requestId)).as(requestId).containsExactly("REFUSED");
    }
    assertThat(actorOf("x-anon")).isEqualTo("anonymous/NONE");
    assertThat(actorOf("x-role")).isEqualTo("merchant:m-1/MERCHANT");
    assertThat(actorOf("x-body")).isEqualTo("operator:olga/OPERATOR");
    assertThat(count("approval_request")).isEqualTo(approvalsBefore);
    assertThat(resolutions(breakId)).isEmpty();
    assertThat(nonAuditOutbox()).as("nothing but audit events published").isEqualTo(othersBefore);
    List<AuditEvent> published =
        awaitEventsOf(List.of("x-anon", "x-key", "x-role", "x-aud", "x-body"));
    assertThat(published).extracting(e -> e.getOutcome().name()).containsOnly("REFUSED");
    assertThat(published).hasSize(5);
  }

  @Test
  void theAuditTableRefusesUpdateDeleteAndTruncate(
      @org.springframework.beans.factory.annotation.Autowired
          org.springframework.core.env.Environment environment)
      throws Exception {
    resolve("nobody:1", "{\"reason\":\"nothing open\"}", "t-1");
    // The service's own role may not even try; the owner, which may, meets the triggers.
    var owner = com.paystream.recon.support.ReconInfrastructure.asOwner(environment);
    for (String sql :
        List.of(
            "update audit_record set actor = 'mallory'",
            "delete from audit_record",
            "truncate audit_record",
            "update approval_request set requested_by = 'mallory'",
            "truncate approval_decision")) {
      assertThatThrownBy(() -> jdbc.execute(sql))
          .as(sql)
          .rootCause()
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> owner.execute(sql))
          .as(sql)
          .rootCause()
          .hasMessageContaining("append-only");
    }
    assertThat(outcomesOf("t-1")).containsExactly("REFUSED");
  }

  @Test
  void auditorsQueryTheTrailWithFiltersAndPagesOperatorsMayNot() throws Exception {
    for (int i = 0; i < 3; i++) {
      resolve("nobody:page", "{\"reason\":\"page " + i + "\"}", "p-" + i);
    }
    String base = "/v1/audit?target=/v1/breaks/nobody:page/resolution&outcome=REFUSED&limit=2";

    HttpResponse<String> first = get(base, Callers.AUDITOR);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode page1 = json(first);
    assertThat(page1.get("items")).hasSize(2);
    assertThat(page1.get("items").get(0).get("requestId").asString()).isEqualTo("p-2");
    assertThat(page1.get("items").get(0).get("service").asString()).isEqualTo("reconciliation-svc");
    JsonNode page2 =
        json(get(base + "&cursor=" + page1.get("nextCursor").asString(), Callers.AUDITOR));
    assertThat(page2.get("items")).hasSize(1);
    assertThat(page2.get("items").get(0).get("requestId").asString()).isEqualTo("p-0");
    assertThat(page2.get("nextCursor").isNull()).isTrue();
    assertThat(get("/v1/audit?actor=nobody", Callers.AUDITOR).body()).contains("\"items\":[]");
    assertThat(get("/v1/audit", Callers.OPERATOR).statusCode()).isEqualTo(403);
    assertThat(get("/v1/audit?from=yesterday", Callers.AUDITOR).statusCode()).isEqualTo(400);
    assertThat(get("/v1/audit?limit=501", Callers.AUDITOR).statusCode()).isEqualTo(400);
    assertThat(get("/v1/audit?cursor=zzz", Callers.AUDITOR).statusCode()).isEqualTo(400);
    assertThat(get("/v1/audit?outcome=MAYBE", Callers.AUDITOR).statusCode()).isEqualTo(400);
  }

  // --- helpers --------------------------------------------------------------------------------

  /** A LOST_ORDER break of its own: a statement line nobody booked, past the 1 s grace. */
  private String openBreak(String name, long amountMinor) {
    String reference = "pay-" + name;
    writer.send(
        topics.statements(),
        "AUD/" + name,
        statementLine("AUD", name, reference, Side.CREDIT, amountMinor, "EUR", DAY));
    String breakId = BreakIds.of(reference + ":1");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> get("/v1/breaks/" + breakId, Callers.OPERATOR).statusCode() == 200);
    return breakId;
  }

  private List<String> resolutions(String breakId) {
    return jdbc.queryForList(
        "select resolved_by || '/' || coalesce(approved_by, '-') from break_resolution"
            + " where break_id = ?",
        String.class,
        breakId);
  }

  private int decisions(String approvalId) {
    return jdbc.queryForObject(
        "select count(*) from approval_decision where approval_id = ?::uuid",
        Integer.class,
        approvalId);
  }

  private List<String> outcomes(String target) {
    return jdbc.queryForList(
        "select outcome from audit_record where target = ? order by seq", String.class, target);
  }

  private List<String> outcomesOf(String requestId) {
    return jdbc.queryForList(
        "select outcome from audit_record where request_id = ? order by seq",
        String.class,
        requestId);
  }

  private String actorOf(String requestId) {
    return jdbc.queryForObject(
        "select actor || '/' || role from audit_record where request_id = ?",
        String.class,
        requestId);
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private int nonAuditOutbox() {
    return jdbc.queryForObject(
        "select count(*) from outbox where topic <> ?", Integer.class, topics.auditEvents().name());
  }

  private void awaitEvents(String target, int expected) {
    reader()
        .awaitUntil(
            WAIT, read -> read.stream().filter(k -> k.key().equals(target)).count() >= expected);
    assertThat(reader().values().stream().filter(e -> e.getTarget().equals(target)))
        .extracting(e -> e.getOutcome().name())
        .containsExactly("REQUESTED", "APPROVED");
  }

  private List<AuditEvent> awaitEventsOf(List<String> requestIds) {
    reader()
        .awaitUntil(
            WAIT,
            read ->
                read.stream().filter(k -> requestIds.contains(k.value().getRequestId())).count()
                    >= requestIds.size());
    return reader().values().stream().filter(e -> requestIds.contains(e.getRequestId())).toList();
  }

  private static synchronized TopicReader<AuditEvent> reader() {
    if (events == null) {
      events = new TopicReader<>(topics.auditEvents().name(), AuditEvent.class);
    }
    return events;
  }

  private HttpResponse<String> resolve(String breakId, String body, String requestId)
      throws Exception {
    return resolve(breakId, body, Callers.OPERATOR, requestId);
  }

  private HttpResponse<String> resolve(String breakId, String body, String token, String requestId)
      throws Exception {
    return send("/v1/breaks/" + breakId + "/resolution", body, token, requestId);
  }

  private HttpResponse<String> decide(String approvalId, String verdict, String token, String id)
      throws Exception {
    return send("/v1/approvals/" + approvalId + "/" + verdict, "{}", token, id);
  }

  private HttpResponse<String> send(String path, String body, String token, String requestId)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header("X-Request-Id", requestId)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
    return response;
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
