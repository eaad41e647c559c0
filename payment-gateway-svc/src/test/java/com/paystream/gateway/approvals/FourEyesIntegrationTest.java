package com.paystream.gateway.approvals;

import static com.paystream.gateway.testsupport.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.gateway.testsupport.Api;
import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.gateway.testsupport.AuditTopic;
import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.SimulatedProvider;
import com.paystream.schemas.commands.Amendment;
import com.paystream.schemas.commands.Cancellation;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.commands.Supplement;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.security.ApiKeyToken;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.StandardWebhookSigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Amendments, supplements and operator cancellations are requested by one operator and carried out
 * only when another approves: once, with both names in the command, the history and the audit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FourEyesIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_four_eyes");
  private static final String WEBHOOK_SECRET = StandardWebhookSigner.newSecret();
  private static final ProviderSimulator SIMULATOR = new ProviderSimulator(WEBHOOK_SECRET, 11);
  private static final ApiKeys KEYS = new ApiKeys();
  private static final AuditTopic AUDIT = new AuditTopic("gw_four_eyes");
  private static ApiKeyToken.Issued merchant;
  private static ApiKeyToken.Issued olga;
  private static ApiKeyToken.Issued oscar;
  private static ApiKeyToken.Issued otto;
  private static ApiKeyToken.Issued auditor;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    AUDIT.register(registry);
    SimulatedProvider.register(registry, WEBHOOK_SECRET, SIMULATOR);
    merchant = KEYS.merchant(registry, "m-shop");
    olga = KEYS.operator(registry, "olga");
    oscar = KEYS.operator(registry, "oscar");
    otto = KEYS.operator(registry, "otto");
    auditor = KEYS.auditor(registry, "ada");
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

  private String createPayment(long amountMinor) {
    String body =
        "{\"amount_minor\":%d,\"currency\":\"EUR\",\"provider\":\"simulator\"}"
            .formatted(amountMinor);
    return json(api.post(merchant, "/v1/payments", UUID.randomUUID().toString(), body), 201)
        .get("payment_id")
        .stringValue();
  }

  private String succeededPayment(long amountMinor) {
    String paymentId = createPayment(amountMinor);
    SIMULATOR.settle(paymentId, "SUCCEEDED").block(Duration.ofSeconds(10));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                DB.count(
                        "select count(*) from payment where payment_id = ? and status = 'SUCCEEDED'",
                        paymentId)
                    == 1);
    return paymentId;
  }

  private static final String AMENDMENT =
      "{\"amount_minor\":900,\"currency\":\"EUR\",\"status\":\"SUCCEEDED\",\"reason\":\"fee charged twice\"}";

  private JsonNode requestAmendment(ApiKeyToken.Issued operator, String paymentId, String key) {
    return json(
        api.post(operator, "/v1/payments/" + paymentId + "/amendments", key, AMENDMENT), 202);
  }

  private WebTestClient.ResponseSpec approve(ApiKeyToken.Issued operator, String approvalId) {
    return api.post(operator, "/v1/approvals/" + approvalId + "/approve", null, null);
  }

  private static List<PaymentCommand> commands(String paymentId) {
    List<PaymentCommand> commands = new ArrayList<>();
    try (AvroDeserializer<PaymentCommand> deserializer =
        new AvroDeserializer<>(PinnedSchemaRegistry.bundled(), PaymentCommand.class)) {
      for (Map<String, Object> row :
          DB.rows(
              "select topic, payload from outbox where message_key = ?"
                  + " and topic like '%payments.commands.v1' order by seq",
              paymentId)) {
        commands.add(
            deserializer.deserialize((String) row.get("topic"), (byte[]) row.get("payload")));
      }
    }
    return commands;
  }

  /** Everything a change of the payment would touch. */
  private static List<Object> footprint(String paymentId) {
    return List.of(
        DB.rows(
            "select status, amount_minor, attention, version, updated_at from payment"
                + " where payment_id = ?",
            paymentId),
        DB.count("select count(*) from payment_status_history where payment_id = ?", paymentId),
        DB.count(
            "select count(*) from outbox where message_key = ? and topic like '%payments.commands.v1'",
            paymentId),
        DB.count("select count(*) from refund where payment_id = ?", paymentId));
  }

  private static long audited(String target, String outcome) {
    return DB.count(
        "select count(*) from audit_record where target = ? and outcome = ?", target, outcome);
  }

  @Test
  void anAmendmentTakesEffectOnceWhenASecondOperatorApprovesWithBothNamesRecorded() {
    String paymentId = succeededPayment(1000);
    List<Object> before = footprint(paymentId);

    JsonNode requested = requestAmendment(olga, paymentId, "a-" + paymentId);
    String approvalId = requested.get("approvalId").stringValue();
    assertThat(requested.get("state").stringValue()).isEqualTo("PENDING");
    assertThat(requested.get("action").stringValue()).isEqualTo("payment.amend");
    assertThat(requested.get("target").stringValue()).isEqualTo(paymentId);
    assertThat(requested.get("requestedBy").stringValue()).isEqualTo("operator:olga");
    assertThat(requested.get("expiresAt")).isNotNull();
    assertThat(footprint(paymentId)).as("nothing changes before approval").isEqualTo(before);
    // A retry with the same key finds the same request.
    assertThat(requestAmendment(olga, paymentId, "a-" + paymentId).get("approvalId").stringValue())
        .isEqualTo(approvalId);
    assertThat(DB.count("select count(*) from approval_request where target = ?", paymentId))
        .isEqualTo(1);

    JsonNode approved = json(approve(oscar, approvalId), 200);

    assertThat(approved.get("approval").get("state").stringValue()).isEqualTo("APPROVED");
    assertThat(approved.get("approval").get("decidedBy").stringValue()).isEqualTo("operator:oscar");
    assertThat(approved.get("result").get("amount_minor").longValue()).isEqualTo(900);
    List<PaymentCommand> commands = commands(paymentId);
    assertThat(commands).hasSize(1);
    assertThat(((Amendment) commands.get(0).getBody()).getAmountMinor()).isEqualTo(900);
    assertThat(commands.get(0).getRequestedBy()).startsWith("operator:olga");
    assertThat(commands.get(0).getApprovedBy()).startsWith("operator:oscar");
    assertThat(commands.get(0).getReason()).isEqualTo("fee charged twice");
    assertThat(
            DB.rows(
                    "select actor from payment_status_history where payment_id = ?"
                        + " and event = 'AMENDED'",
                    paymentId)
                .get(0)
                .get("actor")
                .toString())
        .contains("operator:olga", "approved by operator:oscar");
    assertThat(audited(paymentId, "REQUESTED")).isEqualTo(1);
    assertThat(audited(paymentId, "APPROVED")).isEqualTo(1);
    assertThat(
            DB.rows(
                    "select actor, request_id from audit_record where target = ?"
                        + " and outcome = 'APPROVED'",
                    paymentId)
                .get(0))
        .containsEntry("actor", "operator:oscar")
        .containsEntry("request_id", approvalId);

    // Approved twice: refused, and done once.
    assertThat(json(approve(otto, approvalId), 409).get("reason").stringValue())
        .isEqualTo("already-decided");
    assertThat(commands(paymentId)).hasSize(1);
    // A retry of the original request answers the request as it now stands.
    assertThat(requestAmendment(olga, paymentId, "a-" + paymentId).get("state").stringValue())
        .isEqualTo("APPROVED");
    assertThat(commands(paymentId)).hasSize(1);
  }

  @Test
  void theRequesterCannotApproveTheirOwnRequest() {
    String paymentId = succeededPayment(1000);
    String approvalId =
        requestAmendment(olga, paymentId, "self-" + paymentId).get("approvalId").stringValue();
    List<Object> before = footprint(paymentId);
    long refusedBefore = DB.count("select count(*) from audit_record where outcome = 'REFUSED'");

    JsonNode refused = json(approve(olga, approvalId), 403);

    assertThat(refused.get("reason").stringValue()).isEqualTo("self-approval");
    assertThat(footprint(paymentId)).isEqualTo(before);
    assertThat(
            DB.count(
                "select count(*) from approval_decision where request_id = ?::uuid", approvalId))
        .isZero();
    assertThat(DB.count("select count(*) from audit_record where outcome = 'REFUSED'"))
        .isEqualTo(refusedBefore + 1);
    assertThat(
            DB.count(
                "select count(*) from audit_record where outcome = 'REFUSED' and actor = 'operator:olga'"
                    + " and reason like '%self-approval%'"))
        .isEqualTo(1);
    // Rejecting one's own request is refused the same way.
    json(api.post(olga, "/v1/approvals/" + approvalId + "/reject", null, null), 403);
    assertThat(commands(paymentId)).isEmpty();
  }

  @Test
  void aRejectedRequestChangesNothingAndCannotBeApprovedLater() {
    String paymentId = succeededPayment(1000);
    String approvalId =
        requestAmendment(olga, paymentId, "rej-" + paymentId).get("approvalId").stringValue();
    List<Object> before = footprint(paymentId);

    JsonNode rejected =
        json(
            api.post(
                oscar,
                "/v1/approvals/" + approvalId + "/reject",
                null,
                "{\"reason\":\"no evidence attached\"}"),
            200);

    assertThat(rejected.get("approval").get("state").stringValue()).isEqualTo("REJECTED");
    assertThat(rejected.get("approval").get("decisionReason").stringValue())
        .isEqualTo("no evidence attached");
    assertThat(footprint(paymentId)).isEqualTo(before);
    assertThat(audited(paymentId, "REJECTED")).isEqualTo(1);
    assertThat(json(approve(otto, approvalId), 409).get("reason").stringValue())
        .isEqualTo("already-decided");
    assertThat(footprint(paymentId)).isEqualTo(before);
  }

  @Test
  void racingApprovalsCarryTheAmendmentOutOnce() throws Exception {
    String paymentId = succeededPayment(1000);
    String approvalId =
        requestAmendment(olga, paymentId, "race-" + paymentId).get("approvalId").stringValue();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Callable<Integer>> calls =
          List.of(
              () -> approve(oscar, approvalId).returnResult(String.class).getStatus().value(),
              () -> approve(otto, approvalId).returnResult(String.class).getStatus().value());
      for (Future<Integer> status : pool.invokeAll(calls)) {
        statuses.add(status.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    assertThat(commands(paymentId)).hasSize(1);
    assertThat(audited(paymentId, "APPROVED")).isEqualTo(1);
  }

  @Test
  void aSupplementIsBookedWhenASecondOperatorApproves() {
    String paymentId = "pay_lost_" + UUID.randomUUID().toString().replace("-", "");
    String supplement =
        "{\"merchant_id\":\"m-shop\",\"amount_minor\":4200,\"currency\":\"EUR\","
            + "\"evidence_reference\":\"statement-2026-01-31#17\",\"reason\":\"lost order\"}";

    JsonNode requested =
        json(api.post(olga, "/v1/payments/" + paymentId + "/supplements", "s1", supplement), 202);
    assertThat(DB.count("select count(*) from payment where payment_id = ?", paymentId)).isZero();

    JsonNode approved = json(approve(oscar, requested.get("approvalId").stringValue()), 200);

    assertThat(approved.get("result").get("status").stringValue()).isEqualTo("SUCCEEDED");
    assertThat(approved.get("result").get("origin").stringValue()).isEqualTo("OPERATOR");
    List<PaymentCommand> commands = commands(paymentId);
    assertThat(commands)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getBody()).isInstanceOf(Supplement.class);
              assertThat(c.getRequestedBy()).startsWith("operator:olga");
              assertThat(c.getApprovedBy()).startsWith("operator:oscar");
            });
  }

  @Test
  void anOperatorsCancellationWaitsForASecondOperator() {
    String paymentId = createPayment(1200);

    JsonNode requested =
        json(
            api.post(olga, "/v1/payments/" + paymentId + "/cancel", null, "{\"reason\":\"fraud\"}"),
            202);
    assertThat(requested.get("action").stringValue()).isEqualTo("payment.cancel");
    assertThat(SIMULATOR.payment(paymentId).orElseThrow().status()).isNotEqualTo("CANCELLED");
    assertThat(commands(paymentId)).isEmpty();

    json(approve(oscar, requested.get("approvalId").stringValue()), 200);

    assertThat(SIMULATOR.payment(paymentId).orElseThrow().status()).isEqualTo("CANCELLED");
    assertThat(commands(paymentId))
        .singleElement()
        .satisfies(
            command -> {
              assertThat(command.getBody()).isInstanceOf(Cancellation.class);
              assertThat(command.getRequestedBy()).startsWith("operator:olga");
              assertThat(command.getApprovedBy()).startsWith("operator:oscar");
            });
    // A merchant still cancels its own payments directly.
    String own = createPayment(300);
    json(api.post(merchant, "/v1/payments/" + own + "/cancel", null, null), 200);
  }

  @Test
  void aBodyThatNamesWhoActedIsRefused() {
    String paymentId = succeededPayment(1000);
    String body =
        "{\"amount_minor\":900,\"currency\":\"EUR\",\"status\":\"SUCCEEDED\","
            + "\"reason\":\"x\",\"requestedBy\":\"operator:someone\"}";

    json(api.post(olga, "/v1/payments/" + paymentId + "/amendments", "n1", body), 400);
    String approvalId =
        requestAmendment(olga, paymentId, "n2-" + paymentId).get("approvalId").stringValue();
    json(
        api.post(
            oscar,
            "/v1/approvals/" + approvalId + "/approve",
            null,
            "{\"approvedBy\":\"operator:someone\"}"),
        400);

    assertThat(
            DB.count(
                "select count(*) from approval_decision where request_id = ?::uuid", approvalId))
        .isZero();
  }

  @Test
  void operatorsAndAuditorsListRequestsMerchantsCannot() {
    String paymentId = succeededPayment(1000);
    String approvalId =
        requestAmendment(olga, paymentId, "list-" + paymentId).get("approvalId").stringValue();

    JsonNode pending = json(api.get(auditor, "/v1/approvals?state=PENDING"), 200);
    assertThat(pending.get("items").toString()).contains(approvalId);
    assertThat(json(api.get(oscar, "/v1/approvals/" + approvalId), 200).get("state").stringValue())
        .isEqualTo("PENDING");
    api.get(merchant, "/v1/approvals").expectStatus().isForbidden();
    json(api.get(auditor, "/v1/approvals?state=SOMETIMES"), 400);
    json(api.get(oscar, "/v1/approvals/" + UUID.randomUUID()), 404);
    api.post(auditor, "/v1/approvals/" + approvalId + "/approve", null, null)
        .expectStatus()
        .isForbidden();
  }

  @Test
  void eachRequestAndDecisionIsOneEventOnTheAuditTopic() {
    String paymentId = succeededPayment(1000);
    String approvalId =
        requestAmendment(olga, paymentId, "ev-" + paymentId).get("approvalId").stringValue();
    json(approve(oscar, approvalId), 200);

    AUDIT.relay(DB);

    for (Map<String, Object> row :
        DB.rows("select audit_id, outcome from audit_record where target = ?", paymentId)) {
      List<AuditTopic.Read> events = AUDIT.withAuditId((UUID) row.get("audit_id"));
      assertThat(events).as(row.toString()).hasSize(1);
      assertThat(events.get(0).key()).isEqualTo(paymentId);
      assertThat(events.get(0).event().getOutcome().name()).isEqualTo(row.get("outcome"));
    }
    assertThat(DB.count("select count(*) from audit_record where target = ?", paymentId))
        .isGreaterThanOrEqualTo(2);
  }
}
