package com.paystream.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.WebhookPayloads;
import com.paystream.gateway.webhooks.stripe.StripeSigner;
import com.paystream.schemas.callbacks.CallbackSource;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.PaymentStatus;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.simulator.StandardWebhookSigner;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookIntakeIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_webhooks");
  private static final String OLD_SECRET = StandardWebhookSigner.newSecret();
  private static final String NEW_SECRET = StandardWebhookSigner.newSecret();
  private static final String STRIPE_SECRET = "whsec_acme_stripe_style_secret_1";
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    registry.add("paystream.webhooks.providers.simulator.secrets[0]", () -> OLD_SECRET);
    registry.add("paystream.webhooks.providers.simulator.secrets[1]", () -> NEW_SECRET);
    registry.add("paystream.webhooks.providers.acme.dialect", () -> "stripe");
    registry.add("paystream.webhooks.providers.acme.secrets[0]", () -> STRIPE_SECRET);
  }

  @LocalServerPort int port;

  private WebTestClient client;
  private final StandardWebhookSigner signer = new StandardWebhookSigner(OLD_SECRET);
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

  private WebTestClient.ResponseSpec post(
      String provider, Map<String, String> headers, byte[] body) {
    return client
        .post()
        .uri("/v1/webhooks/{provider}", provider)
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> headers.forEach(h::add))
        .bodyValue(body)
        .exchange();
  }

  private WebTestClient.ResponseSpec postSigned(String eventId, byte[] body) {
    return post("simulator", signer.headers(eventId, Instant.now(), body), body);
  }

  private byte[] succeeded(long amountMinor) {
    return WebhookPayloads.payment(paymentId, "m-1", amountMinor, "EUR", "SUCCEEDED");
  }

  private long inboxRows(String eventId) {
    return DB.count("select count(*) from callback_inbox where provider_event_id = ?", eventId);
  }

  private long paymentRows() {
    return DB.count("select count(*) from payment where payment_id = ?", paymentId);
  }

  private void expectProblem(WebTestClient.ResponseSpec response, int status, String reason) {
    response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.reason")
        .isEqualTo(reason)
        .jsonPath("$.type")
        .isEqualTo("https://paystream.dev/problems/" + reason.replace('_', '-'));
  }

  @Test
  void validCallbackIsStoredWithItsHistoryAndRelayMessageBeforeTheAcknowledgement() {
    Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3);
    byte[] body = WebhookPayloads.payment(paymentId, "m-1", 1999, "EUR", "SUCCEEDED", occurredAt);
    Map<String, String> headers = new HashMap<>(signer.headers(eventId, Instant.now(), body));
    headers.put("traceparent", TRACEPARENT);

    post("simulator", headers, body)
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"status\":\"accepted\"}");

    Map<String, Object> inbox =
        DB.rows("select * from callback_inbox where provider_event_id = ?", eventId).get(0);
    assertThat(inbox)
        .containsEntry("provider", "simulator")
        .containsEntry("source", "WEBHOOK")
        .containsEntry("payment_id", paymentId)
        .containsEntry("reported_status", "SUCCEEDED")
        .containsEntry("amount_minor", 1999L)
        .containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat((byte[]) inbox.get("raw_body")).isEqualTo(body);
    assertThat(inbox.get("headers").toString()).contains("webhook-signature").contains(eventId);
    UUID callbackId = (UUID) inbox.get("callback_id");

    Map<String, Object> outbox =
        DB.rows("select * from outbox where message_id = ?", callbackId).get(0);
    assertThat(outbox)
        .containsEntry("topic", "payments.callbacks.v1")
        .containsEntry("message_key", paymentId)
        .containsEntry("status", "PENDING")
        .containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
    PaymentCallback relayed = decode((byte[]) outbox.get("payload"));
    assertThat(relayed.getCallbackId()).isEqualTo(callbackId);
    assertThat(relayed.getEnvelope().getEventId()).isEqualTo(callbackId);
    assertThat(relayed.getEnvelope().getCausationId()).isEqualTo(eventId);
    assertThat(relayed.getEnvelope().getOccurredAt()).isEqualTo(occurredAt);
    assertThat(relayed.getEnvelope().getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(relayed.getPaymentId()).isEqualTo(paymentId);
    assertThat(relayed.getMerchantId()).isEqualTo("m-1");
    assertThat(relayed.getProvider()).isEqualTo("simulator");
    assertThat(relayed.getProviderEventId()).isEqualTo(eventId);
    assertThat(relayed.getProviderPaymentId()).isEqualTo("psp_" + paymentId);
    assertThat(relayed.getSource()).isEqualTo(CallbackSource.WEBHOOK);
    assertThat(relayed.getStatus()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(relayed.getAmountMinor()).isEqualTo(1999L);
    assertThat(relayed.getCurrency()).isEqualTo("EUR");

    assertThat(
            DB.rows(
                "select status, origin, coalesce(attention, '-') as attention from payment"
                    + " where payment_id = ?",
                paymentId))
        .containsExactly(Map.of("status", "SUCCEEDED", "origin", "CALLBACK", "attention", "-"));
    assertThat(
            DB.rows(
                "select event, to_status, moved, cause_id from payment_status_history"
                    + " where payment_id = ? order by seq",
                paymentId))
        .extracting(row -> row.get("event") + " " + row.get("to_status") + " " + row.get("moved"))
        .containsExactly("CREATED CREATED true", "STATUS_REPORTED SUCCEEDED true");
  }

  private static PaymentCallback decode(byte[] payload) {
    try (AvroDeserializer<PaymentCallback> deserializer =
        new AvroDeserializer<>(PinnedSchemaRegistry.bundled(), PaymentCallback.class)) {
      return deserializer.deserialize("payments.callbacks.v1", payload);
    }
  }

  @Test
  void duplicateCallbackIsAcknowledgedAndStoresNothingNew() {
    byte[] body = succeeded(1999);
    Map<String, String> headers = signer.headers(eventId, Instant.now(), body);
    post("simulator", headers, body).expectStatus().isOk();
    long outbox = DB.count("select count(*) from outbox");
    long history = DB.count("select count(*) from payment_status_history");

    post("simulator", headers, body)
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"status\":\"duplicate\"}");

    assertThat(inboxRows(eventId)).isEqualTo(1);
    assertThat(DB.count("select count(*) from outbox")).isEqualTo(outbox);
    assertThat(DB.count("select count(*) from payment_status_history")).isEqualTo(history);
  }

  @Test
  void concurrentDuplicatesAreAllAcknowledgedAndStoredOnce() throws Exception {
    byte[] body = succeeded(1999);
    Map<String, String> headers = signer.headers(eventId, Instant.now(), body);
    int senders = 8;
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Callable<Integer>> posts = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        posts.add(
            () -> post("simulator", headers, body).returnResult(String.class).getStatus().value());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> status : pool.invokeAll(posts)) {
        statuses.add(status.get());
      }

      assertThat(statuses).hasSize(senders).containsOnly(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(inboxRows(eventId)).isEqualTo(1);
    assertThat(
            DB.count(
                "select count(*) from outbox o join callback_inbox i on o.message_id = i.callback_id"
                    + " where i.provider_event_id = ?",
                eventId))
        .isEqualTo(1);
    assertThat(
            DB.count("select count(*) from payment_status_history where payment_id = ?", paymentId))
        .isEqualTo(2);
  }

  @Test
  void concurrentCallbacksForOneNewPaymentCreateItOnceAndAreAllDecided() throws Exception {
    int senders = 8;
    List<Callable<Integer>> posts = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      String status = i == 0 ? "SUCCEEDED" : "PENDING";
      byte[] body = WebhookPayloads.payment(paymentId, "m-1", 1999, "EUR", status);
      Map<String, String> headers = signer.headers("msg_" + UUID.randomUUID(), Instant.now(), body);
      posts.add(
          () -> post("simulator", headers, body).returnResult(String.class).getStatus().value());
    }
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      for (Future<Integer> status : pool.invokeAll(posts)) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(paymentRows()).isEqualTo(1);
    assertThat(DB.count("select count(*) from callback_inbox where payment_id = ?", paymentId))
        .isEqualTo(senders);
    assertThat(
            DB.count(
                "select count(*) from payment_status_history where payment_id = ? and event = ?",
                paymentId,
                "STATUS_REPORTED"))
        .isEqualTo(senders);
    assertThat(
            DB.count(
                "select count(*) from payment_status_history where payment_id = ? and event = ?",
                paymentId,
                "CREATED"))
        .isEqualTo(1);
    assertThat(DB.rows("select status from payment where payment_id = ?", paymentId))
        .containsExactly(Map.of("status", "SUCCEEDED"));
  }

  @Test
  void aCallbackWaitingOnItsPaymentsRowLockDoesNotHoldUpOtherPayments() throws Exception {
    postSigned(eventId, succeeded(1999)).expectStatus().isOk();
    String otherPayment = "pay_" + UUID.randomUUID();
    byte[] other = WebhookPayloads.payment(otherPayment, "m-1", 500, "EUR", "SUCCEEDED");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection lock = DB.connect()) {
      // Another writer of the payment (a refund, a correction) holds its row.
      lock.setAutoCommit(false);
      try (PreparedStatement st =
          lock.prepareStatement("select 1 from payment where payment_id = ? for update")) {
        st.setString(1, paymentId);
        st.execute();
      }
      byte[] again = succeeded(1999);
      Future<Integer> blocked =
          pool.submit(
              () ->
                  postSigned("msg_" + UUID.randomUUID(), again)
                      .returnResult(String.class)
                      .getStatus()
                      .value());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  DB.count(
                          "select count(*) from pg_locks"
                              + " where not granted and locktype = 'transactionid'")
                      > 0);

      // The intake batch holding that callback waits; the next batch goes beside it.
      postSigned("msg_" + UUID.randomUUID(), other).expectStatus().isOk();
      assertThat(DB.count("select count(*) from payment where payment_id = ?", otherPayment))
          .isEqualTo(1);
      assertThat(blocked.isDone()).isFalse();

      lock.rollback();
      assertThat(blocked.get()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tamperedSignatureIsUnauthorizedAndStoresNothing() {
    byte[] body = succeeded(1999);
    Map<String, String> headers = signer.headers(eventId, Instant.now(), body);
    byte[] tampered = succeeded(1);

    expectProblem(post("simulator", headers, tampered), 401, "signature_mismatch");

    assertThat(inboxRows(eventId)).isZero();
    assertThat(paymentRows()).isZero();
  }

  @Test
  void signatureByAnUnknownSecretIsUnauthorized() {
    byte[] body = succeeded(1999);
    StandardWebhookSigner stranger = new StandardWebhookSigner(StandardWebhookSigner.newSecret());

    expectProblem(
        post("simulator", stranger.headers(eventId, Instant.now(), body), body),
        401,
        "signature_mismatch");
    assertThat(inboxRows(eventId)).isZero();
  }

  @Test
  void staleTimestampIsUnauthorized() {
    byte[] body = succeeded(1999);
    Instant sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6));

    expectProblem(
        post("simulator", signer.headers(eventId, sixMinutesAgo, body), body),
        401,
        "timestamp_out_of_tolerance");
    assertThat(inboxRows(eventId)).isZero();
  }

  @Test
  void callbackSignedWithTheRotatedSecretIsAccepted() {
    byte[] body = succeeded(1999);
    StandardWebhookSigner rotated = new StandardWebhookSigner(NEW_SECRET);

    post("simulator", rotated.headers(eventId, Instant.now(), body), body).expectStatus().isOk();

    assertThat(inboxRows(eventId)).isEqualTo(1);
  }

  @Test
  void unknownProviderIsNotFound() {
    byte[] body = succeeded(1999);

    expectProblem(
        post("nobody", signer.headers(eventId, Instant.now(), body), body),
        404,
        "unknown_provider");
  }

  @Test
  void malformedJsonIsBadRequestEvenWhenSigned() {
    byte[] body = "{\"type\":\"payment.succeeded\",".getBytes(StandardCharsets.UTF_8);

    expectProblem(postSigned(eventId, body), 400, "malformed_payload");
    assertThat(inboxRows(eventId)).isZero();
  }

  @Test
  void aSignedEventOfAnotherKindIsUnsupportedAndStoresNothing() {
    byte[] body =
        new String(succeeded(1999), StandardCharsets.UTF_8)
            .replace("\"type\":\"payment.succeeded\"", "\"type\":\"customer.created\"")
            .getBytes(StandardCharsets.UTF_8);

    expectProblem(postSigned(eventId, body), 400, "unsupported_event_type");
    assertThat(inboxRows(eventId)).isZero();
  }

  @Test
  void fractionalAmountIsBadRequest() {
    byte[] body =
        new String(succeeded(1999), StandardCharsets.UTF_8)
            .replace("1999", "19.99")
            .getBytes(StandardCharsets.UTF_8);

    expectProblem(postSigned(eventId, body), 400, "malformed_payload");
    assertThat(paymentRows()).isZero();
  }

  @Test
  void missingSignatureHeadersAreBadRequest() {
    byte[] body = succeeded(1999);

    expectProblem(post("simulator", Map.of(), body), 400, "missing_header");
    expectProblem(
        post("simulator", Map.of("webhook-id", eventId, "webhook-timestamp", "1"), body),
        400,
        "missing_header");
  }

  @Test
  void unparsableTimestampHeaderIsBadRequest() {
    byte[] body = succeeded(1999);
    Map<String, String> headers = new HashMap<>(signer.headers(eventId, Instant.now(), body));
    headers.put("webhook-timestamp", "now");

    expectProblem(post("simulator", headers, body), 400, "malformed_header");
  }

  @Test
  void bodyOverTheLimitIsTooLarge() {
    byte[] body = new byte[256 * 1024 + 1];
    Arrays.fill(body, (byte) ' ');

    expectProblem(postSigned(eventId, body), 413, "payload_too_large");
  }

  @Test
  void streamedBodyOverTheLimitIsTooLargeToo() {
    DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
    Flux<DataBuffer> chunks =
        Flux.range(0, 40).map(i -> buffers.wrap(new byte[8 * 1024])); // 320 KiB, no length

    expectProblem(
        client
            .post()
            .uri("/v1/webhooks/simulator")
            .contentType(MediaType.APPLICATION_JSON)
            .body(chunks, DataBuffer.class)
            .exchange(),
        413,
        "payload_too_large");
  }

  @Test
  void nonJsonContentTypeIsUnsupported() {
    byte[] body = succeeded(1999);

    expectProblem(
        client
            .post()
            .uri("/v1/webhooks/simulator")
            .contentType(MediaType.TEXT_PLAIN)
            .headers(h -> signer.headers(eventId, Instant.now(), body).forEach(h::add))
            .bodyValue(body)
            .exchange(),
        415,
        "unsupported_media_type");
  }

  @Test
  void latePendingAfterSucceededIsRecordedButDoesNotMoveTheStatusBack() {
    postSigned(eventId, succeeded(1999)).expectStatus().isOk();
    String lateEvent = "msg_" + UUID.randomUUID();

    postSigned(lateEvent, WebhookPayloads.payment(paymentId, "m-1", 1999, "EUR", "PENDING"))
        .expectStatus()
        .isOk();

    assertThat(inboxRows(lateEvent)).isEqualTo(1);
    assertThat(DB.rows("select status from payment where payment_id = ?", paymentId))
        .containsExactly(Map.of("status", "SUCCEEDED"));
    assertThat(
            DB.rows(
                "select reported_status, to_status, moved, array_to_string(flags, ',') as flags"
                    + " from payment_status_history where payment_id = ? order by seq desc limit 1",
                paymentId))
        .containsExactly(
            Map.of(
                "reported_status", "PENDING",
                "to_status", "SUCCEEDED",
                "moved", false,
                "flags", "STALE"));
  }

  @Test
  void succeededForAnotherAmountIsFlaggedNotAccepted() {
    postSigned(eventId, WebhookPayloads.payment(paymentId, "m-1", 1999, "EUR", "PENDING"))
        .expectStatus()
        .isOk();

    postSigned("msg_" + UUID.randomUUID(), succeeded(1500)).expectStatus().isOk();

    assertThat(DB.rows("select status, attention from payment where payment_id = ?", paymentId))
        .containsExactly(Map.of("status", "PENDING", "attention", "AMOUNT_MISMATCH"));
    assertThat(
            DB.rows(
                "select amount_minor, array_to_string(flags, ',') as flags"
                    + " from payment_status_history where payment_id = ? order by seq desc limit 1",
                paymentId))
        .containsExactly(Map.of("amount_minor", 1500L, "flags", "AMOUNT_MISMATCH"));
  }

  @Test
  void rejectionsAreCountedByProviderAndReason() {
    byte[] body = succeeded(1999);
    postSigned(eventId, body).expectStatus().isOk();
    post("simulator", Map.of(), body).expectStatus().isBadRequest();

    client
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            metrics ->
                assertThat(metrics)
                    .containsPattern(
                        "paystream_webhook_rejections_total\\{[^}]*provider=\"simulator\""
                            + "[^}]*reason=\"missing_header\"[^}]*} [1-9]")
                    .contains("paystream_webhook_intake_seconds")
                    .contains("paystream_callbacks_total"));
  }

  @Test
  void inboxAndHistoryRefuseUpdatesAndDeletes() {
    postSigned(eventId, succeeded(1999)).expectStatus().isOk();

    List<SQLException> refusals =
        List.of(
            DB.refusal("update callback_inbox set amount_minor = 1"),
            DB.refusal("delete from callback_inbox"),
            DB.refusal("truncate callback_inbox"),
            DB.refusal("update payment_status_history set to_status = 'FAILED'"),
            DB.refusal("delete from payment_status_history"),
            DB.refusal("delete from payment"),
            DB.refusal("update payment set merchant_id = 'm-2'"));

    assertThat(refusals).allSatisfy(e -> assertThat(e.getSQLState()).isEqualTo("P0001"));
    assertThat(inboxRows(eventId)).isEqualTo(1);
  }

  @Test
  void stripeStyleProviderIsVerifiedByItsOwnDialectAndAcknowledgedItsWay() {
    String stripeEvent = "evt_" + UUID.randomUUID();
    byte[] body =
        ("{\"id\":\"%s\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
                + "\"created\":%d,\"data\":{\"object\":{\"id\":\"pi_1\",\"amount\":1999,"
                + "\"currency\":\"eur\",\"metadata\":{\"payment_id\":\"%s\",\"merchant_id\":\"m-1\"}}}}")
            .formatted(stripeEvent, Instant.now().getEpochSecond(), paymentId)
            .getBytes(StandardCharsets.UTF_8);
    String signature = new StripeSigner(STRIPE_SECRET).header(Instant.now(), body);

    post("acme", Map.of("Stripe-Signature", signature), succeeded(1))
        .expectStatus()
        .isUnauthorized();
    post("acme", Map.of("Stripe-Signature", signature), body)
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"received\":true}");

    assertThat(
            DB.rows(
                "select provider, payment_id, reported_status from callback_inbox"
                    + " where provider_event_id = ?",
                stripeEvent))
        .containsExactly(
            Map.of("provider", "acme", "payment_id", paymentId, "reported_status", "SUCCEEDED"));
  }

  @Test
  void theOutboxPublisherIsWokenAfterCommit() throws Exception {
    try (Connection listener = DB.connect();
        Statement listen = listener.createStatement()) {
      listen.execute("listen outbox");

      postSigned(eventId, succeeded(1999)).expectStatus().isOk();

      PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(10_000);
      assertThat(notifications).isNotEmpty();
      assertThat(notifications[0].getName()).isEqualTo("outbox");
    }
  }

  @Test
  void livenessAndReadinessAreUp() {
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    client
        .get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }
}
