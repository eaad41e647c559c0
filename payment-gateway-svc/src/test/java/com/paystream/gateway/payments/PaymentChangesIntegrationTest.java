package com.paystream.gateway.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.SimulatedProvider;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.schemas.commands.Amendment;
import com.paystream.schemas.commands.Cancellation;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.commands.Refund;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentChangesIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_payment_changes");
  private static final String WEBHOOK_SECRET = StandardWebhookSigner.newSecret();
  private static final ProviderSimulator SIMULATOR = new ProviderSimulator(WEBHOOK_SECRET, 7);
  private static final ApiKeys KEYS = new ApiKeys();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static ApiKeyToken.Issued merchant;
  private static ApiKeyToken.Issued otherMerchant;
  private static ApiKeyToken.Issued operator;
  private static ApiKeyToken.Issued secondOperator;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    SimulatedProvider.register(registry, WEBHOOK_SECRET, SIMULATOR);
    merchant = KEYS.merchant(registry, "m-shop");
    otherMerchant = KEYS.merchant(registry, "m-other");
    operator = KEYS.operator(registry, "olga");
    secondOperator = KEYS.operator(registry, "oscar");
  }

  @AfterAll
  static void stopSimulator() {
    SIMULATOR.close();
  }

  @LocalServerPort int port;

  private WebTestClient client;

  @BeforeEach
  void setUp() {
    client = SimulatedProvider.connect(port, SIMULATOR);
  }

  private WebTestClient.ResponseSpec post(
      ApiKeyToken.Issued key, String path, String idempotencyKey, String body) {
    WebTestClient.RequestBodySpec spec =
        client.post().uri(path).header("Authorization", "Bearer " + key.token());
    if (idempotencyKey != null) {
      spec = spec.header("Idempotency-Key", idempotencyKey);
    }
    return body == null
        ? spec.exchange()
        : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  private static JsonNode json(WebTestClient.ResponseSpec response, int status) {
    return JSON.readTree(
        response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
  }

  private String createPayment(long amountMinor) {
    String body =
        "{\"amount_minor\":%d,\"currency\":\"EUR\",\"provider\":\"simulator\"}"
            .formatted(amountMinor);
    return json(post(merchant, "/v1/payments", UUID.randomUUID().toString(), body), 201)
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

  private WebTestClient.ResponseSpec refund(String paymentId, String key, long amountMinor) {
    return post(
        merchant,
        "/v1/payments/" + paymentId + "/refunds",
        key,
        "{\"amount_minor\":%d,\"currency\":\"EUR\",\"reason\":\"customer returned it\"}"
            .formatted(amountMinor));
  }

  private static List<PaymentCommand> commands(String paymentId) {
    List<PaymentCommand> commands = new ArrayList<>();
    try (AvroDeserializer<PaymentCommand> deserializer =
        new AvroDeserializer<>(PinnedSchemaRegistry.bundled(), PaymentCommand.class)) {
      for (Map<String, Object> row :
          DB.rows(
              "select topic, payload from outbox where message_key = ?"
                  + " and topic = 'payments.commands.v1' order by seq",
              paymentId)) {
        commands.add(deserializer.deserialize("payments.commands.v1", (byte[]) row.get("payload")));
      }
    }
    return commands;
  }

  /**
   * Everything a change of the payment would touch: its row, its history, the outbox (commands and
   * relayed callbacks), its refunds and its audit records.
   */
  private static List<Object> footprint(String paymentId) {
    return List.of(
        DB.rows(
            "select status, amount_minor, attention, version, updated_at from payment"
                + " where payment_id = ?",
            paymentId),
        DB.count("select count(*) from payment_status_history where payment_id = ?", paymentId),
        DB.count("select count(*) from outbox where message_key = ?", paymentId),
        DB.count("select count(*) from refund where payment_id = ?", paymentId),
        DB.count("select count(*) from audit_record where target = ?", paymentId));
  }

  @Test
  void partialThenFullRefundEndsRefundedWithOneCommandEach() {
    String paymentId = succeededPayment(1999);

    JsonNode partial = json(refund(paymentId, "r1-" + paymentId, 500), 201);
    assertThat(partial.get("status").stringValue()).isEqualTo("SUBMITTED");
    assertThat(partial.get("payment").get("status").stringValue()).isEqualTo("SUCCEEDED");
    assertThat(partial.get("payment").get("refunded_minor").longValue()).isEqualTo(500);

    JsonNode rest = json(refund(paymentId, "r2-" + paymentId, 1499), 201);
    assertThat(rest.get("payment").get("status").stringValue()).isEqualTo("REFUNDED");

    json(refund(paymentId, "r3-" + paymentId, 1), 409);
    assertThat(commands(paymentId))
        .extracting(c -> ((Refund) c.getBody()).getAmountMinor())
        .containsExactly(500L, 1499L);
    assertThat(commands(paymentId).get(0).getRequestedBy()).startsWith("merchant:m-shop");
  }

  @Test
  void aRefundsCommandIsRecordedInTheRequestsTraceAndServerSpan() {
    String paymentId = succeededPayment(900);
    String caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    String answered =
        client
            .post()
            .uri("/v1/payments/" + paymentId + "/refunds")
            .header("Authorization", "Bearer " + merchant.token())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header(TraceParent.HEADER, caller)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"amount_minor\":900,\"currency\":\"EUR\",\"reason\":\"returned\"}")
            .exchange()
            .expectStatus()
            .is2xxSuccessful()
            .returnResult(byte[].class)
            .getResponseHeaders()
            .getFirst(TraceParent.HEADER);
    TraceParent server = TraceParent.parse(answered).orElseThrow();

    assertThat(server.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(
            DB.rows(
                "select trace_id, span_id from outbox where message_key = ?"
                    + " and topic = 'payments.commands.v1'",
                paymentId))
        .containsExactly(Map.of("trace_id", server.traceId(), "span_id", server.spanId()));
    assertThat(commands(paymentId).get(0).getEnvelope().getTraceId()).isEqualTo(server.traceId());
    assertThat(
            DB.rows(
                "select span_id from outbox where trace_id = ? and topic like '%audit.events.v1'",
                server.traceId()))
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row).containsEntry("span_id", server.spanId()));
  }

  @Test
  void racingRefundsNeverExceedTheCapturedAmount() throws Exception {
    String paymentId = succeededPayment(1000);
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        String key = "race-" + i + "-" + paymentId;
        calls.add(() -> refund(paymentId, key, 300).returnResult(String.class).getStatus().value());
      }
      for (Future<Integer> status : pool.invokeAll(calls)) {
        statuses.add(status.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(3);
    assertThat(statuses).containsOnly(201, 422);
    assertThat(
            DB.count(
                "select coalesce(sum(amount_minor), 0) from refund"
                    + " where payment_id = ? and status = 'SUBMITTED'",
                paymentId))
        .isEqualTo(900);
    assertThat(commands(paymentId)).hasSize(3);
  }

  @Test
  void aRefundRetriedWithItsKeyIsNotRepeated() {
    String paymentId = succeededPayment(800);
    String key = "once-" + paymentId;

    String first = json(refund(paymentId, key, 200), 201).get("refund_id").stringValue();
    String again = json(refund(paymentId, key, 200), 201).get("refund_id").stringValue();

    assertThat(again).isEqualTo(first);
    assertThat(DB.count("select count(*) from refund where payment_id = ?", paymentId))
        .isEqualTo(1);
    assertThat(commands(paymentId)).hasSize(1);
    json(refund(paymentId, key, 300), 422);
  }

  @Test
  void aPaymentThatHasNotSucceededCannotBeRefunded() {
    String paymentId = createPayment(500);
    List<Object> before = footprint(paymentId);

    assertThat(json(refund(paymentId, "early-" + paymentId, 100), 409).get("reason").stringValue())
        .isEqualTo("invalid_state");
    assertThat(footprint(paymentId)).isEqualTo(before);
  }

  @Test
  void cancellingAnUnpaidPaymentCancelsItAtTheProviderAndTellsTheLedger() {
    String paymentId = createPayment(1200);

    JsonNode cancelled =
        json(
            post(
                merchant,
                "/v1/payments/" + paymentId + "/cancel",
                null,
                "{\"reason\":\"out of stock\"}"),
            200);

    assertThat(cancelled.get("status").stringValue()).isEqualTo("CANCELLED");
    assertThat(SIMULATOR.payment(paymentId).orElseThrow().status()).isEqualTo("CANCELLED");
    assertThat(commands(paymentId))
        .singleElement()
        .satisfies(command -> assertThat(command.getBody()).isInstanceOf(Cancellation.class));
    json(post(merchant, "/v1/payments/" + paymentId + "/cancel", null, null), 200);
    assertThat(commands(paymentId)).hasSize(1);
  }

  @Test
  void aSucceededPaymentCannotBeCancelled() {
    String paymentId = succeededPayment(300);
    List<Object> before = footprint(paymentId);

    assertThat(
            json(post(merchant, "/v1/payments/" + paymentId + "/cancel", null, null), 409)
                .get("reason")
                .stringValue())
        .isEqualTo("invalid_state");
    assertThat(footprint(paymentId)).isEqualTo(before);
    assertThat(SIMULATOR.payment(paymentId).orElseThrow().status()).isEqualTo("SUCCEEDED");
  }

  @Test
  void aMerchantCannotChangeAnotherMerchantsPayment() {
    String paymentId = succeededPayment(300);
    List<Object> before = footprint(paymentId);

    json(post(otherMerchant, "/v1/payments/" + paymentId + "/cancel", null, null), 404);
    json(
        post(
            otherMerchant,
            "/v1/payments/" + paymentId + "/refunds",
            "x",
            "{\"amount_minor\":1,\"currency\":\"EUR\"}"),
        404);
    assertThat(footprint(paymentId)).isEqualTo(before);
  }

  @Test
  void anAmendmentNeedsTheOperatorRoleAndAReason() {
    String paymentId = succeededPayment(1000);
    String amendment =
        "{\"amount_minor\":900,\"currency\":\"EUR\",\"status\":\"SUCCEEDED\",\"reason\":\"fee charged twice\"}";

    assertThat(
            json(post(merchant, "/v1/payments/" + paymentId + "/amendments", "a1", amendment), 403)
                .get("reason")
                .stringValue())
        .isEqualTo("forbidden");
    json(
        post(
            operator,
            "/v1/payments/" + paymentId + "/amendments",
            "a1",
            "{\"amount_minor\":900,\"currency\":\"EUR\",\"status\":\"SUCCEEDED\"}"),
        400);
    assertThat(commands(paymentId)).isEmpty();
  }

  /** Approves a four-eyes request as the second operator; the result of the action. */
  private JsonNode approvedBySecondOperator(JsonNode requested) {
    return json(
            post(
                secondOperator,
                "/v1/approvals/" + requested.get("approvalId").stringValue() + "/approve",
                null,
                null),
            200)
        .get("result");
  }

  @Test
  void anOperatorsAmendmentCorrectsThePaymentOnceApprovedAndIsAuditedAndSentToTheLedger() {
    String paymentId = succeededPayment(1000);
    String amendment =
        "{\"amount_minor\":900,\"currency\":\"EUR\",\"status\":\"SUCCEEDED\",\"reason\":\"fee charged twice\"}";

    JsonNode requested =
        json(post(operator, "/v1/payments/" + paymentId + "/amendments", "a2", amendment), 202);
    json(post(operator, "/v1/payments/" + paymentId + "/amendments", "a2", amendment), 202);
    assertThat(commands(paymentId)).isEmpty();
    JsonNode amended = approvedBySecondOperator(requested);

    assertThat(amended.get("amount_minor").longValue()).isEqualTo(900);
    List<PaymentCommand> commands = commands(paymentId);
    assertThat(commands).hasSize(1);
    assertThat(commands.get(0).getReason()).isEqualTo("fee charged twice");
    assertThat(((Amendment) commands.get(0).getBody()).getAmountMinor()).isEqualTo(900);
    assertThat(commands.get(0).getRequestedBy()).startsWith("operator:olga");
    assertThat(commands.get(0).getApprovedBy()).startsWith("operator:oscar");
    // Carried out in the approving request's trace and server span.
    assertThat(
            DB.rows(
                "select trace_id, span_id from outbox where message_key = ?"
                    + " and topic = 'payments.commands.v1'",
                paymentId))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(TraceParent.validTraceId((String) row.get("trace_id"))).isTrue();
              assertThat(TraceParent.validSpanId((String) row.get("span_id"))).isTrue();
              assertThat(row.get("trace_id")).isEqualTo(commands.get(0).getEnvelope().getTraceId());
            });
    Map<String, Object> audit =
        DB.rows(
                "select actor, after_state::text as after, reason"
                    + " from audit_record where target = ? and outcome = 'APPROVED'",
                paymentId)
            .get(0);
    assertThat((String) audit.get("actor")).isEqualTo("operator:oscar");
    assertThat((String) audit.get("after")).contains("\"amount_minor\": 900");
    assertThat(
            DB.count(
                "select count(*) from audit_record where target = ? and outcome = 'REQUESTED'"
                    + " and actor = 'operator:olga'",
                paymentId))
        .isEqualTo(1);
    assertThat(
            DB.count(
                "select count(*) from payment_status_history where payment_id = ? and event = 'AMENDED'",
                paymentId))
        .isEqualTo(1);
  }

  @Test
  void aSupplementBooksAPaymentOnlyTheStatementKnew() {
    String paymentId = "pay_lost_" + UUID.randomUUID().toString().replace("-", "");
    String supplement =
        "{\"merchant_id\":\"m-shop\",\"amount_minor\":4200,\"currency\":\"EUR\","
            + "\"evidence_reference\":\"statement-2026-01-31#17\",\"reason\":\"lost order\"}";

    JsonNode requested =
        json(post(operator, "/v1/payments/" + paymentId + "/supplements", "s1", supplement), 202);
    JsonNode booked = approvedBySecondOperator(requested);
    json(post(operator, "/v1/payments/" + paymentId + "/supplements", "s1", supplement), 202);

    assertThat(booked.get("status").stringValue()).isEqualTo("SUCCEEDED");
    assertThat(booked.get("origin").stringValue()).isEqualTo("OPERATOR");
    List<PaymentCommand> commands = commands(paymentId);
    assertThat(commands).hasSize(1);
    assertThat(((Supplement) commands.get(0).getBody()).getEvidenceReference())
        .isEqualTo("statement-2026-01-31#17");
    json(post(operator, "/v1/payments/" + paymentId + "/supplements", "s2", supplement), 409);
  }

  @Test
  void auditRecordsCannotBeChangedOrDeleted() {
    createPayment(100);

    assertThat(DB.refusal("update audit_record set actor = 'someone else'").getSQLState())
        .isEqualTo("P0001");
    assertThat(DB.refusal("delete from audit_record").getSQLState()).isEqualTo("P0001");
    assertThat(DB.refusal("delete from refund").getSQLState()).isEqualTo("P0001");
  }
}
