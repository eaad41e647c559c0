package com.paystream.gateway.audit;

import static com.paystream.gateway.testsupport.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.testsupport.Api;
import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.gateway.testsupport.AuditTopic;
import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.SimulatedProvider;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.security.ApiKeyToken;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.StandardWebhookSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Every state-changing call, accepted or refused, leaves exactly one audit record and one event on
 * audit.events.v1; a refused call leaves nothing else; auditors, and only they, read the trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_audit");
  private static final String WEBHOOK_SECRET = StandardWebhookSigner.newSecret();
  private static final ProviderSimulator SIMULATOR = new ProviderSimulator(WEBHOOK_SECRET, 3);
  private static final ApiKeys KEYS = new ApiKeys();
  private static final AuditTopic AUDIT = new AuditTopic("gw_audit");
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static ApiKeyToken.Issued merchant;
  private static ApiKeyToken.Issued operator;
  private static ApiKeyToken.Issued secondOperator;
  private static ApiKeyToken.Issued auditor;
  private static ApiKeyToken.Issued admin;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    AUDIT.register(registry);
    SimulatedProvider.register(registry, WEBHOOK_SECRET, SIMULATOR);
    merchant = KEYS.merchant(registry, "m-audit");
    operator = KEYS.operator(registry, "olga");
    secondOperator = KEYS.operator(registry, "oscar");
    auditor = KEYS.auditor(registry, "ada");
    admin = KEYS.admin(registry, "root");
  }

  @AfterAll
  static void stop() {
    SIMULATOR.close();
    AUDIT.close();
  }

  @LocalServerPort int port;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(SimulatedProvider.connect(port, SIMULATOR));
  }

  private static Map<String, String> traced(String requestId) {
    return Map.of("X-Request-Id", requestId, "traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01");
  }

  private String createPayment(String requestId) {
    return json(
            api.post(
                merchant,
                "/v1/payments",
                UUID.randomUUID().toString(),
                "{\"amount_minor\":700,\"currency\":\"EUR\",\"provider\":\"simulator\"}",
                traced(requestId)),
            201)
        .get("payment_id")
        .stringValue();
  }

  /** The one record of a request (by its id) and its one event on the topic. */
  private static Map<String, Object> theRecordOf(String requestId) {
    List<Map<String, Object>> rows =
        DB.rows(
            "select audit_id, actor, role, credential, action, target, outcome, reason,"
                + " request_id, trace_id from audit_record where request_id = ?",
            requestId);
    assertThat(rows).as("audit records of " + requestId).hasSize(1);
    Map<String, Object> row = rows.get(0);
    AUDIT.relay(DB);
    List<AuditTopic.Read> events = AUDIT.withAuditId((UUID) row.get("audit_id"));
    assertThat(events).as("events of " + requestId).hasSize(1);
    assertThat(events.get(0).key()).isEqualTo(row.get("target"));
    assertThat(events.get(0).event().getActor()).isEqualTo(row.get("actor"));
    assertThat(events.get(0).event().getOutcome().name()).isEqualTo(row.get("outcome"));
    assertThat(events.get(0).event().getService()).isEqualTo("payment-gateway-svc");
    return row;
  }

  /** What a refused request must not change. */
  private static List<Object> everythingButTheAudit() {
    return List.of(
        DB.count("select count(*) from payment"),
        DB.count("select count(*) from payment_status_history"),
        DB.count("select count(*) from outbox where topic not like '%audit.events.v1'"),
        DB.count("select count(*) from refund"),
        DB.count("select count(*) from approval_request"),
        DB.count("select count(*) from idempotency_record"));
  }

  @Test
  void anAcceptedCallIsOneRecordAndOneEventWithWhoAndWhichRequest() {
    String requestId = "req-" + UUID.randomUUID();

    String paymentId = createPayment(requestId);

    Map<String, Object> record = theRecordOf(requestId);
    assertThat(record)
        .containsEntry("actor", "merchant:m-audit")
        .containsEntry("role", "MERCHANT")
        .containsEntry("credential", "key:" + merchant.keyId())
        .containsEntry("action", "PAYMENT_CREATED")
        .containsEntry("target", paymentId)
        .containsEntry("outcome", "ACCEPTED")
        .containsEntry("trace_id", TRACE);
  }

  @Test
  void theRequestIdIsEchoedAndGeneratedWhenMissing() {
    String requestId = "req-" + UUID.randomUUID();
    api.post(
            merchant,
            "/v1/payments",
            UUID.randomUUID().toString(),
            "{\"amount_minor\":1,\"currency\":\"EUR\",\"provider\":\"simulator\"}",
            traced(requestId))
        .expectHeader()
        .valueEquals("X-Request-Id", requestId);
    HttpHeaders answered =
        api.post(
                merchant,
                "/v1/payments",
                UUID.randomUUID().toString(),
                "{\"amount_minor\":1,\"currency\":\"EUR\",\"provider\":\"simulator\"}")
            .returnResult(String.class)
            .getResponseHeaders();
    String generated = answered.getFirst("X-Request-Id");
    assertThat(UUID.fromString(generated)).isNotNull();
    // Without a caller's traceparent the gateway starts a trace; the record is in it.
    assertThat(theRecordOf(generated))
        .containsEntry("trace_id", TraceParent.traceIdOf(answered.getFirst(TraceParent.HEADER)));
    assertThat(theRecordOf(generated).get("trace_id")).asString().hasSize(32);
  }

  @Test
  void refusedCallsAreOneRecordAndOneEventEachAndChangeNothingElse() {
    String paymentId = createPayment("setup-" + UUID.randomUUID());
    String amendments = "/v1/payments/" + paymentId + "/amendments";
    List<Object> before = everythingButTheAudit();
    List<String> requestIds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      requestIds.add("refused-" + i + "-" + UUID.randomUUID());
    }

    api.post(null, "/v1/payments", "k", "{}", traced(requestIds.get(0)))
        .expectStatus()
        .isUnauthorized();
    api.post(merchant, amendments, "k", "{}", traced(requestIds.get(1)))
        .expectStatus()
        .isForbidden();
    json(
        api.post(
            operator,
            amendments,
            "k",
            "{\"amount_minor\":1,\"currency\":\"EUR\",\"status\":\"SUCCEEDED\"}",
            traced(requestIds.get(2))),
        400);
    json(
        api.post(
            merchant,
            "/v1/payments/" + paymentId + "/refunds",
            "k",
            "{\"amount_minor\":1,\"currency\":\"EUR\"}",
            traced(requestIds.get(3))),
        409);

    assertThat(everythingButTheAudit()).isEqualTo(before);
    assertThat(theRecordOf(requestIds.get(0)))
        .containsEntry("actor", "anonymous")
        .containsEntry("role", "NONE")
        .containsEntry("outcome", "REFUSED")
        .containsEntry("action", "http POST /v1/payments")
        .containsEntry("trace_id", TRACE);
    assertThat(theRecordOf(requestIds.get(1)))
        .containsEntry("actor", "merchant:m-audit")
        .containsEntry("role", "MERCHANT")
        .containsEntry("outcome", "REFUSED")
        .containsEntry("target", amendments);
    assertThat((String) theRecordOf(requestIds.get(1)).get("reason")).startsWith("403");
    Map<String, Object> badBody = theRecordOf(requestIds.get(2));
    assertThat(badBody)
        .containsEntry("actor", "operator:olga")
        .containsEntry("role", "OPERATOR")
        .containsEntry("outcome", "REFUSED");
    assertThat((String) badBody.get("reason")).contains("400", "reason is required");
    assertThat((String) theRecordOf(requestIds.get(3)).get("reason")).contains("409");
  }

  @Test
  void aWrongKeyAndARefusedReadAreTreatedAsTheRulesSay() {
    long before = DB.count("select count(*) from audit_record");
    api.get(merchant, "/v1/audit").expectStatus().isForbidden();
    assertThat(DB.count("select count(*) from audit_record"))
        .as("reads are not audited, refused ones neither")
        .isEqualTo(before);
    String requestId = "wrong-key-" + UUID.randomUUID();
    WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port)
        .build()
        .post()
        .uri("/v1/payments/pay_x/cancel")
        .header("Authorization", "Bearer psk_notAKey_garbage")
        .header("X-Request-Id", requestId)
        .exchange()
        .expectStatus()
        .isUnauthorized();
    assertThat(theRecordOf(requestId))
        .containsEntry("actor", "anonymous")
        .containsEntry("outcome", "REFUSED");
  }

  @Test
  void anAdminMintingAKeyIsAudited() {
    String requestId = "mint-" + UUID.randomUUID();
    JsonNode minted =
        json(
            api.post(
                admin,
                "/v1/keys",
                null,
                "{\"principal\":\"m-new\",\"role\":\"MERCHANT\",\"merchantId\":\"m-new\"}",
                Map.of("X-Request-Id", requestId)),
            201);
    Map<String, Object> record = theRecordOf(requestId);
    assertThat(record)
        .containsEntry("actor", "admin:root")
        .containsEntry("action", "key.mint")
        .containsEntry("target", "key:" + minted.get("keyId").asString())
        .containsEntry("outcome", "ACCEPTED");
    assertThat(record.toString()).doesNotContain(minted.get("token").asString());
  }

  @Test
  void theAuditTablesRefuseUpdateDeleteAndTruncate() {
    String paymentId = createPayment("setup-" + UUID.randomUUID());
    String approvalId =
        json(
                api.post(
                    operator,
                    "/v1/payments/" + paymentId + "/amendments",
                    "t",
                    "{\"amount_minor\":1,\"currency\":\"EUR\",\"status\":\"CREATED\","
                        + "\"reason\":\"typo\"}"),
                202)
            .get("approvalId")
            .stringValue();
    json(api.post(secondOperator, "/v1/approvals/" + approvalId + "/reject", null, null), 200);
    for (String table : List.of("audit_record", "approval_request", "approval_decision")) {
      assertThat(DB.refusal("update " + table + " set reason = 'edited'").getSQLState())
          .as(table)
          .isIn("P0001");
      assertThat(DB.refusal("delete from " + table).getSQLState()).as(table).isEqualTo("P0001");
      assertThat(DB.refusal("truncate " + table + " cascade").getSQLState())
          .as(table)
          .isEqualTo("P0001");
    }
  }

  @Test
  void auditorsQueryTheTrailByFilterAndPageOthersCannot() {
    String paymentId = createPayment("q-" + UUID.randomUUID());
    json(
        api.post(
            merchant,
            "/v1/payments/" + paymentId + "/refunds",
            "q",
            "{\"amount_minor\":1,\"currency\":\"EUR\"}"),
        409);

    JsonNode all = json(api.get(auditor, "/v1/audit?target=" + paymentId), 200);
    assertThat(all.get("items")).hasSize(1);
    JsonNode item = all.get("items").get(0);
    assertThat(item.get("action").stringValue()).isEqualTo("PAYMENT_CREATED");
    assertThat(item.get("service").stringValue()).isEqualTo("payment-gateway-svc");
    for (String field :
        List.of(
            "auditId",
            "occurredAt",
            "actor",
            "role",
            "credential",
            "outcome",
            "reason",
            "requestId",
            "traceId")) {
      assertThat(item.has(field)).as(field).isTrue();
    }

    JsonNode refused =
        json(api.get(auditor, "/v1/audit?outcome=REFUSED&actor=merchant:m-audit"), 200);
    assertThat(refused.get("items").toString()).contains("/v1/payments/" + paymentId + "/refunds");

    JsonNode first = json(api.get(auditor, "/v1/audit?limit=1"), 200);
    assertThat(first.get("items")).hasSize(1);
    String cursor = first.get("nextCursor").stringValue();
    JsonNode second = json(api.get(auditor, "/v1/audit?limit=1&cursor=" + cursor), 200);
    assertThat(second.get("items")).hasSize(1);
    assertThat(second.get("items").get(0).get("auditId"))
        .isNotEqualTo(first.get("items").get(0).get("auditId"));
    assertThat(
            second
                .get("items")
                .get(0)
                .get("occurredAt")
                .stringValue()
                .compareTo(first.get("items").get(0).get("occurredAt").stringValue()))
        .isLessThanOrEqualTo(0);
    JsonNode empty =
        json(api.get(auditor, "/v1/audit?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z"), 200);
    assertThat(empty.get("items")).isEmpty();
    assertThat(empty.get("nextCursor").isNull()).isTrue();

    api.get(operator, "/v1/audit").expectStatus().isForbidden();
    Map<String, String> refusals =
        Map.of(
            "limit=0", "page-size-out-of-range",
            "limit=501", "page-size-out-of-range",
            "from=yesterday", "malformed",
            "outcome=MAYBE", "malformed",
            "cursor=@@@", "malformed-cursor",
            "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "invalid_request");
    refusals.forEach(
        (bad, reason) ->
            assertThat(json(api.get(auditor, "/v1/audit?" + bad), 400).get("reason").stringValue())
                .as(bad)
                .isEqualTo(reason));
  }
}
