package com.paystream.gateway.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.SimulatedProvider;
import com.paystream.security.ApiKeyToken;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.StandardWebhookSigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentsApiIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_payments_api");
  private static final String WEBHOOK_SECRET = StandardWebhookSigner.newSecret();
  private static final ProviderSimulator SIMULATOR = new ProviderSimulator(WEBHOOK_SECRET, 42);
  private static final ApiKeys KEYS = new ApiKeys();
  private static ApiKeyToken.Issued merchantOne;
  private static ApiKeyToken.Issued merchantTwo;
  private static ApiKeyToken.Issued operator;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    SimulatedProvider.register(registry, WEBHOOK_SECRET, SIMULATOR);
    merchantOne = KEYS.merchant(registry, "m-one");
    merchantTwo = KEYS.merchant(registry, "m-two");
    operator = KEYS.operator(registry, "alice");
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

  private WebTestClient.ResponseSpec create(
      ApiKeyToken.Issued key, String idempotencyKey, String body) {
    return client
        .post()
        .uri("/v1/payments")
        .header("Authorization", "Bearer " + key.token())
        .header("Idempotency-Key", idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static String body(long amountMinor, String reference) {
    return "{\"amount_minor\":%d,\"currency\":\"EUR\",\"provider\":\"simulator\",\"reference\":\"%s\"}"
        .formatted(amountMinor, reference);
  }

  private JsonNode created(ApiKeyToken.Issued key, String reference) {
    byte[] bytes =
        create(key, UUID.randomUUID().toString(), body(1999, reference))
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody();
    return JSON.readTree(bytes);
  }

  private WebTestClient.ResponseSpec get(ApiKeyToken.Issued key, String path) {
    return client.get().uri(path).header("Authorization", "Bearer " + key.token()).exchange();
  }

  @Test
  void createsThePaymentAtTheProviderAndReturnsWhereTheCustomerPays() {
    JsonNode payment = created(merchantOne, "order-1");

    assertThat(payment.get("status").stringValue()).isEqualTo("CREATED");
    assertThat(payment.get("merchant_id").stringValue()).isEqualTo("m-one");
    assertThat(payment.get("amount_minor").longValue()).isEqualTo(1999);
    assertThat(payment.get("redirect_url").stringValue())
        .startsWith(SIMULATOR.baseUrl() + "/checkout/psp_");
    String paymentId = payment.get("payment_id").stringValue();
    assertThat(SIMULATOR.payment(paymentId)).isPresent();
    assertThat(
            DB.count(
                "select count(*) from audit_record where target = ? and action = 'PAYMENT_CREATED'",
                paymentId))
        .isEqualTo(1);
  }

  @Test
  void theSameKeyWithTheSameBodyReturnsTheFirstAnswerAgain() {
    String key = UUID.randomUUID().toString();
    EntityExchangeResult<byte[]> first =
        create(merchantOne, key, body(500, "order-2"))
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult();

    create(merchantOne, key, body(500, "order-2"))
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueEquals("Idempotent-Replayed", "true")
        .expectBody()
        .json(new String(first.getResponseBody()));

    assertThat(DB.count("select count(*) from payment where reference = 'order-2'")).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsUnprocessable() {
    String key = UUID.randomUUID().toString();
    create(merchantOne, key, body(500, "order-3")).expectStatus().isCreated();

    create(merchantOne, key, body(501, "order-3"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.reason")
        .isEqualTo("idempotency_key_reused");
  }

  @Test
  void concurrentRequestsWithOneKeyCreateOnePayment() throws Exception {
    String key = UUID.randomUUID().toString();
    String reference = "order-" + UUID.randomUUID();
    int senders = 8;
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<EntityExchangeResult<byte[]>> results = new ArrayList<>();
    try {
      List<Callable<EntityExchangeResult<byte[]>>> calls = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        calls.add(() -> create(merchantOne, key, body(700, reference)).expectBody().returnResult());
      }
      for (Future<EntityExchangeResult<byte[]>> result : pool.invokeAll(calls)) {
        results.add(result.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results)
        .extracting(r -> r.getStatus().value())
        .containsAnyOf(201)
        .isSubsetOf(201, 409);
    Set<String> createdBodies = new HashSet<>();
    results.stream()
        .filter(r -> r.getStatus().value() == 201)
        .forEach(r -> createdBodies.add(new String(r.getResponseBody())));
    assertThat(createdBodies).hasSize(1);
    assertThat(DB.count("select count(*) from payment where reference = ?", reference))
        .isEqualTo(1);
  }

  @Test
  void aProviderOutageAnswers503AndARetryWithTheKeyResumesTheSamePayment() {
    String key = UUID.randomUUID().toString();
    String reference = "order-" + UUID.randomUUID();
    SIMULATOR.failNextRequests(1);

    create(merchantOne, key, body(900, reference))
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.reason")
        .isEqualTo("provider_unavailable");
    create(merchantOne, key, body(900, reference)).expectStatus().isCreated();

    assertThat(DB.count("select count(*) from payment where reference = ?", reference))
        .isEqualTo(1);
  }

  @Test
  void requestsWithoutAValidKeyOrIdempotencyKeyAreRefused() {
    client
        .post()
        .uri("/v1/payments")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body(1, "x"))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer");
    client
        .post()
        .uri("/v1/payments")
        .header("Authorization", "Bearer psk_unknownkey1_" + "A".repeat(43))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body(1, "x"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    client
        .post()
        .uri("/v1/payments")
        .header("Authorization", "Bearer " + merchantOne.token())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body(1, "x"))
        .exchange()
        .expectStatus()
        .isBadRequest();
    create(operator, "k", body(1, "x")).expectStatus().isForbidden();
  }

  @Test
  void badBodiesAreBadRequests() {
    create(
            merchantOne,
            UUID.randomUUID().toString(),
            "{\"amount_minor\":19.99,\"currency\":\"EUR\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.reason")
        .isEqualTo("not-an-integer");
    create(merchantOne, UUID.randomUUID().toString(), "{\"amount_minor\":0,\"currency\":\"EUR\"}")
        .expectStatus()
        .isBadRequest();
    create(merchantOne, UUID.randomUUID().toString(), "{\"amount_minor\":100,\"currency\":\"XYZ\"}")
        .expectStatus()
        .isBadRequest();
    create(
            merchantOne,
            UUID.randomUUID().toString(),
            "{\"amount_minor\":100,\"currency\":\"EUR\",\"provider\":\"nope\"}")
        .expectStatus()
        .isBadRequest();
    create(merchantOne, UUID.randomUUID().toString(), "not json").expectStatus().isBadRequest();
  }

  @Test
  void aMerchantCannotSeeAnotherMerchantsPaymentButAnOperatorCan() {
    String paymentId = created(merchantOne, "order-private").get("payment_id").stringValue();

    get(merchantTwo, "/v1/payments/" + paymentId).expectStatus().isNotFound();
    get(merchantTwo, "/v1/payments/" + paymentId + "/history").expectStatus().isNotFound();
    get(merchantOne, "/v1/payments/" + paymentId).expectStatus().isOk();
    get(operator, "/v1/payments/" + paymentId).expectStatus().isOk();
  }

  @Test
  void listsPagesOfTheMerchantsOwnPaymentsWithACursor() {
    String reference = "page-" + UUID.randomUUID();
    ApiKeyToken.Issued key = merchantTwo;
    Set<String> createdIds = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      createdIds.add(created(key, reference).get("payment_id").stringValue());
    }
    created(merchantOne, reference);

    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      String path =
          "/v1/payments?limit=2&status=CREATED" + (cursor == null ? "" : "&cursor=" + cursor);
      JsonNode page =
          JSON.readTree(
              get(key, path).expectStatus().isOk().expectBody().returnResult().getResponseBody());
      page.get("payments")
          .forEach(
              p -> {
                assertThat(p.get("merchant_id").stringValue()).isEqualTo("m-two");
                assertThat(seen.add(p.get("payment_id").stringValue())).isTrue();
              });
      cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").stringValue();
      pages++;
    } while (cursor != null && pages < 50);

    assertThat(seen).containsAll(createdIds);
    get(key, "/v1/payments?merchant=m-one").expectStatus().isForbidden();
    get(key, "/v1/payments?cursor=garbage").expectStatus().isBadRequest();
  }

  @Test
  void theProvidersWebhookMovesThePaymentAndTheHistoryShowsWhoDidWhat() {
    String paymentId = created(merchantOne, "order-settled").get("payment_id").stringValue();

    SIMULATOR.settle(paymentId, "SUCCEEDED").block(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                get(merchantOne, "/v1/payments/" + paymentId)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("SUCCEEDED"));
    JsonNode history =
        JSON.readTree(
            get(merchantOne, "/v1/payments/" + paymentId + "/history")
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    List<String> events = new ArrayList<>();
    history
        .get("history")
        .forEach(
            h ->
                events.add(
                    h.get("event").stringValue()
                        + " "
                        + h.get("to_status").stringValue()
                        + " "
                        + h.get("actor").stringValue().split("/")[0]));
    assertThat(events)
        .containsExactly(
            "CREATED CREATED merchant:m-one", "STATUS_REPORTED SUCCEEDED provider:simulator");
  }
}
