package com.paystream.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.WebhookPayloads;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.security.ApiKeyToken;
import com.paystream.simulator.StandardWebhookSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace of a webhook through the running gateway: the answer's {@code traceparent}, the outbox
 * row the relay publishes from (its {@code trace_id} and {@code span_id} become the record's {@code
 * traceparent} and {@code paystream-trace-id} headers), and the JSON log line of the money trail.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookTracingIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_webhook_tracing");
  private static final String SECRET = StandardWebhookSigner.newSecret();
  private static final ApiKeys KEYS = new ApiKeys();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  private static final String CALLER = "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01";
  private static ApiKeyToken.Issued merchant;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    registry.add("paystream.webhooks.providers.simulator.secrets[0]", () -> SECRET);
    merchant = KEYS.merchant(registry, "m-traced");
  }

  @LocalServerPort int port;

  private WebTestClient client;
  private final StandardWebhookSigner signer = new StandardWebhookSigner(SECRET);
  private String paymentId;
  private String eventId;

  @BeforeEach
  void setUp() {
    client =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    paymentId = "pay_" + UUID.randomUUID();
    eventId = "msg_" + UUID.randomUUID();
  }

  private WebTestClient.ResponseSpec webhook(Map<String, String> extraHeaders) {
    byte[] body = WebhookPayloads.payment(paymentId, "m-traced", 2500, "EUR", "SUCCEEDED");
    Map<String, String> headers = new HashMap<>(signer.headers(eventId, Instant.now(), body));
    headers.putAll(extraHeaders);
    return client
        .post()
        .uri("/v1/webhooks/simulator")
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> headers.forEach(h::add))
        .bodyValue(body)
        .exchange();
  }

  private static TraceParent answered(WebTestClient.ResponseSpec response, int status) {
    String header =
        response
            .expectStatus()
            .isEqualTo(status)
            .returnResult(byte[].class)
            .getResponseHeaders()
            .getFirst(TraceParent.HEADER);
    assertThat(header).as("traceparent of a %d answer", status).isNotNull();
    return TraceParent.parse(header).orElseThrow();
  }

  private Map<String, Object> outboxRow() {
    List<Map<String, Object>> rows =
        DB.rows(
            "select o.trace_id, o.span_id from outbox o join callback_inbox i"
                + " on o.message_id = i.callback_id where i.provider_event_id = ?",
            eventId);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void aCallersTraceIsContinuedIntoTheAnswerAndTheOutbox() {
    TraceParent server = answered(webhook(Map.of(TraceParent.HEADER, CALLER)), 200);

    assertThat(server.traceId()).isEqualTo(CALLER_TRACE_ID);
    assertThat(server.spanId()).isNotEqualTo(CALLER_SPAN_ID);
    assertThat(outboxRow())
        .containsEntry("trace_id", CALLER_TRACE_ID)
        .containsEntry("span_id", server.spanId());
  }

  @Test
  void withoutACallersTraceANewOneIsStartedAndRecorded() {
    TraceParent server = answered(webhook(Map.of()), 200);

    assertThat(server.traceId()).isNotEqualTo(CALLER_TRACE_ID);
    assertThat(outboxRow())
        .containsEntry("trace_id", server.traceId())
        .containsEntry("span_id", server.spanId());
  }

  @Test
  void aMalformedTraceHeaderIsNoReasonToRefuseAndStartsANewTrace() {
    TraceParent server =
        answered(webhook(Map.of(TraceParent.HEADER, "00-not-a-trace-" + CALLER_SPAN_ID)), 200);

    assertThat(server.traceId()).isNotEqualTo(CALLER_TRACE_ID);
    assertThat(outboxRow())
        .containsEntry("trace_id", server.traceId())
        .containsEntry("span_id", server.spanId());
  }

  @Test
  void aRefusedWebhookCarriesTheTraceToo() {
    TraceParent server =
        answered(webhook(Map.of(TraceParent.HEADER, CALLER, "webhook-signature", "v1,AAAA")), 401);

    assertThat(server.traceId()).isEqualTo(CALLER_TRACE_ID);
    assertThat(DB.count("select count(*) from callback_inbox where provider_event_id = ?", eventId))
        .isZero();
  }

  @Test
  void theLogLineOfARefusedWebhookCarriesItsTrace(CapturedOutput output) {
    TraceParent server =
        answered(webhook(Map.of(TraceParent.HEADER, CALLER, "webhook-signature", "v1,AAAA")), 401);

    // Refused where the body has been read: a thread of the HTTP server, not the request's first.
    JsonNode line =
        output
            .getOut()
            .lines()
            .filter(l -> l.startsWith("{") && l.contains("Webhook rejected"))
            .map(JSON::readTree)
            .filter(l -> server.traceId().equals(l.path("trace_id").asString("")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no refusal line in the caller's trace"));
    assertThat(line.path("message").asString()).contains("reason=signature_mismatch");
    assertThat(TraceParent.validSpanId(line.path("span_id").asString(""))).isTrue();
  }

  @Test
  void refusedApiRequestsCarryTheTrace() {
    TraceParent anonymous =
        answered(
            client.get().uri("/v1/payments").header(TraceParent.HEADER, CALLER).exchange(), 401);
    TraceParent forbidden =
        answered(
            client
                .get()
                .uri("/v1/audit")
                .header("Authorization", "Bearer " + merchant.token())
                .header(TraceParent.HEADER, CALLER)
                .exchange(),
            403);
    TraceParent badRequest =
        answered(
            client
                .post()
                .uri("/v1/payments")
                .header("Authorization", "Bearer " + merchant.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header(TraceParent.HEADER, CALLER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount_minor\":\"lots\"}")
                .exchange(),
            400);

    assertThat(List.of(anonymous, forbidden, badRequest))
        .extracting(TraceParent::traceId)
        .containsOnly(CALLER_TRACE_ID);
  }

  @Test
  void theMoneyTrailLineOfAWebhookCarriesItsTrace(CapturedOutput output) {
    TraceParent server = answered(webhook(Map.of(TraceParent.HEADER, CALLER)), 200);

    JsonNode line = trailLine(output, eventId);
    assertThat(line.path("log").path("logger").asString("")).isEqualTo("paystream.trail");
    assertThat(line.path("message").asString())
        .contains("webhook accepted")
        .contains("paymentId=" + paymentId)
        .contains("eventId=" + eventId)
        .doesNotContain("v1,");
    assertThat(line.path("trace_id").asString("")).isEqualTo(server.traceId());
    // The server span or a child of it (the line is logged where the database's answer arrives).
    assertThat(TraceParent.validSpanId(line.path("span_id").asString(""))).isTrue();
  }

  /** The trail's JSON line about {@code eventId}, as the console got it. */
  static JsonNode trailLine(CapturedOutput output, String eventId) {
    return output
        .getOut()
        .lines()
        .filter(l -> l.startsWith("{") && l.contains("\"paystream.trail\"") && l.contains(eventId))
        .map(JSON::readTree)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no trail line about " + eventId));
  }
}
