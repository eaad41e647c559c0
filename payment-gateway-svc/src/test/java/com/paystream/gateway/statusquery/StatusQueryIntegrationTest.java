package com.paystream.gateway.statusquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.SimulatedProvider;
import com.paystream.security.ApiKeyToken;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.StandardWebhookSigner;
import com.paystream.simulator.WebhookFaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scheduled status queries against the real PostgreSQL and the provider simulator over HTTP,
 * with a threshold and backoff of fractions of a second so that the schedule runs in the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatusQueryIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_status_queries");
  private static final String WEBHOOK_SECRET = StandardWebhookSigner.newSecret();
  private static final ProviderSimulator SIMULATOR = new ProviderSimulator(WEBHOOK_SECRET, 11);
  private static final ApiKeys KEYS = new ApiKeys();
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static ApiKeyToken.Issued merchant;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    SimulatedProvider.register(registry, WEBHOOK_SECRET, SIMULATOR);
    registry.add("paystream.status-queries.threshold", () -> "1s");
    registry.add("paystream.status-queries.backoff", () -> "300ms,300ms");
    registry.add("paystream.status-queries.then-every", () -> "300ms");
    registry.add("paystream.status-queries.poll-interval", () -> "200ms");
    registry.add("paystream.status-queries.lease", () -> "10s");
    merchant = KEYS.merchant(registry, "m-sq");
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
    SIMULATOR.faults(WebhookFaults.NONE);
  }

  private String createPayment(long amountMinor) {
    byte[] body =
        client
            .post()
            .uri("/v1/payments")
            .header("Authorization", "Bearer " + merchant.token())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"amount_minor\":%d,\"currency\":\"EUR\",\"provider\":\"simulator\"}"
                    .formatted(amountMinor))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody();
    return JsonMapper.builder().build().readTree(body).get("payment_id").stringValue();
  }

  private String status(String paymentId) {
    return (String)
        DB.rows("select status from payment where payment_id = ?", paymentId).get(0).get("status");
  }

  private List<Map<String, Object>> statusQueryCallbacks(String paymentId) {
    return DB.rows(
        "select callback_id, provider_event_id, reported_status from callback_inbox"
            + " where payment_id = ? and source = 'STATUS_QUERY' order by received_at",
        paymentId);
  }

  private Map<String, Object> schedule(String paymentId) {
    List<Map<String, Object>> rows =
        DB.rows("select * from status_query_schedule where payment_id = ?", paymentId);
    return rows.isEmpty() ? Map.of() : rows.get(0);
  }

  private String metrics() {
    return client
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void aDroppedCallbackIsRecoveredByTheStatusQuery() {
    SIMULATOR.faults(new WebhookFaults(1.0, 0, 0, Duration.ZERO));
    String paymentId = createPayment(2500);

    SIMULATOR.settle(paymentId, "SUCCEEDED").block(DEADLINE);

    await().atMost(DEADLINE).until(() -> status(paymentId).equals("SUCCEEDED"));
    assertThat(SIMULATOR.webhooksSent()).isZero();
    Map<String, Object> succeeded =
        statusQueryCallbacks(paymentId).stream()
            .filter(row -> row.get("reported_status").equals("SUCCEEDED"))
            .findFirst()
            .orElseThrow();
    String observationId = SIMULATOR.payment(paymentId).orElseThrow().id() + ":2";
    assertThat(succeeded.get("provider_event_id")).isEqualTo(observationId);
    String callbackId = succeeded.get("callback_id").toString();
    assertThat(
            DB.rows(
                "select from_status, to_status, moved, cause_type, actor from payment_status_history"
                    + " where cause_id = ?",
                callbackId))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("to_status")).isEqualTo("SUCCEEDED");
              assertThat(row.get("moved")).isEqualTo(true);
              assertThat(row.get("cause_type")).isEqualTo("CALLBACK");
            });
    assertThat(
            DB.count(
                "select count(*) from outbox where message_id = ?::uuid and message_key = ?",
                callbackId,
                paymentId))
        .isEqualTo(1);
    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(schedule(paymentId)).containsEntry("state", "DONE"));
    assertThat(metrics())
        .contains("paystream_status_queries_recovered_total{provider=\"simulator\"")
        .contains("paystream_callbacks_total{outcome=\"recorded\",provider=\"simulator\"")
        .contains("source=\"STATUS_QUERY\"");
  }

  @Test
  void repeatedQueriesSeeingTheSameStateStoreNothingNew() {
    String paymentId = createPayment(700);

    await()
        .atMost(DEADLINE)
        .until(() -> ((Number) schedule(paymentId).getOrDefault("attempts", 0)).intValue() >= 4);

    assertThat(statusQueryCallbacks(paymentId))
        .singleElement()
        .satisfies(row -> assertThat(row.get("reported_status")).isEqualTo("PENDING"));
    assertThat(
            DB.count(
                "select count(*) from payment_status_history"
                    + " where payment_id = ? and cause_type = 'CALLBACK'",
                paymentId))
        .isEqualTo(1);
    assertThat(
            DB.count(
                "select count(*) from outbox where message_key = ?"
                    + " and topic not like '%audit.events.v1'",
                paymentId))
        .isEqualTo(1);
    assertThat(status(paymentId)).isEqualTo("PENDING");
    assertThat(schedule(paymentId))
        .containsEntry("state", "ACTIVE")
        .containsEntry("last_outcome", "DUPLICATE");
  }

  @Test
  void anUnknownProviderStatusIsRefusedCountedAndAskedAgain() {
    SIMULATOR.faults(new WebhookFaults(1.0, 0, 0, Duration.ZERO));
    String paymentId = createPayment(900);
    SIMULATOR.settle(paymentId, "ON_HOLD").block(DEADLINE);

    await()
        .atMost(DEADLINE)
        .until(() -> ((Number) schedule(paymentId).getOrDefault("attempts", 0)).intValue() >= 2);

    assertThat(statusQueryCallbacks(paymentId)).isEmpty();
    assertThat(status(paymentId)).isEqualTo("CREATED");
    assertThat(schedule(paymentId))
        .containsEntry("state", "ACTIVE")
        .containsEntry("last_outcome", "UNKNOWN_STATUS");
    assertThat(metrics())
        .contains(
            "paystream_status_queries_outcomes_total{outcome=\"unknown_status\",provider=\"simulator\"");
  }

  @Test
  void aProviderOutageDelaysTheRecoveryButDoesNotLoseIt() {
    SIMULATOR.failNextRequests(0);
    String paymentId = createPayment(300);
    SIMULATOR.faults(new WebhookFaults(1.0, 0, 0, Duration.ZERO));
    SIMULATOR.settle(paymentId, "SUCCEEDED").block(DEADLINE);
    // The provider's outage answers the first queries with 503: they are retried, not lost.
    SIMULATOR.failNextRequests(2);

    await().atMost(DEADLINE).until(() -> status(paymentId).equals("SUCCEEDED"));

    assertThat(statusQueryCallbacks(paymentId)).hasSize(1);
    assertThat(metrics())
        .contains(
            "paystream_status_queries_outcomes_total{outcome=\"unavailable\",provider=\"simulator\"");
  }

  @Test
  void aScheduleWhoseProviderHasNoClientEndsInsteadOfAskingForever() throws Exception {
    String paymentId = createPayment(700);
    // As rows from before this rule were left: a provider no client is configured for.
    try (var connection = DB.connect();
        var statement =
            connection.prepareStatement(
                "insert into status_query_schedule (payment_id, provider, state, reason,"
                    + " next_query_at, attempts, started_at, updated_at)"
                    + " values (?, 'unknown', 'ACTIVE', 'LOST_ORDER', now(), 0, now(), now())"
                    + " on conflict (payment_id) do update set provider = 'unknown',"
                    + " state = 'ACTIVE', next_query_at = now(), claim_token = null")) {
      statement.setString(1, paymentId);
      statement.executeUpdate();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "EXPIRED".equals(schedule(paymentId).get("state")));
    assertThat(schedule(paymentId).get("last_outcome")).isEqualTo("NO_CLIENT");
    assertThat(metrics())
        .contains(
            "paystream_status_queries_outcomes_total{outcome=\"no_client\",provider=\"unknown\"");
  }
}
