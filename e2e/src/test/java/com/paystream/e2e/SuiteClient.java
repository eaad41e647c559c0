package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.local.demo.DemoProvider;
import com.paystream.simulator.StandardWebhookSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the tests do to the running suite over HTTP: send signed callbacks, read the ledger. */
final class SuiteClient {

  static final Duration END_TO_END = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServiceUrls suite;

  SuiteClient(ServiceUrls suite) {
    this.suite = suite;
  }

  /** A provider's Standard Webhooks callback for a fresh payment. */
  record Callback(String webhookId, long timestamp, String paymentId, String body) {

    static Callback succeeded(long amountMinor, String currency) {
      String paymentId = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
      String body =
          """
          {"type":"payment.succeeded","timestamp":"%s","data":{"payment_id":"%s",\
          "merchant_id":"m-e2e","amount_minor":%d,"currency":"%s","status":"SUCCEEDED",\
          "provider_payment_id":"psp_%s"}}"""
              .formatted(Instant.now(), paymentId, amountMinor, currency, paymentId);
      return new Callback(
          "msg_" + UUID.randomUUID(), Instant.now().getEpochSecond(), paymentId, body);
    }

    String signature() {
      return new StandardWebhookSigner(RunningSuite.webhookSecret())
          .signature(webhookId, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  HttpResponse<String> post(Callback callback, String signature) throws Exception {
    return post(callback, signature, Map.of());
  }

  /** The same with further headers (a caller's {@code traceparent}, say). */
  HttpResponse<String> post(Callback callback, String signature, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(suite.baseUrl("gateway") + "/v1/webhooks/simulator"))
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .header("webhook-id", callback.webhookId())
            .header("webhook-timestamp", Long.toString(callback.timestamp()))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(callback.body()));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code POST /v1/payments} as the local stack's demo merchant; the gateway's JSON answer. */
  JsonNode createPayment(long amountMinor, String currency) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(suite.baseUrl("gateway") + "/v1/payments"))
            .timeout(Duration.ofSeconds(10))
            .header("authorization", "Bearer " + DemoProvider.MERCHANT_API_KEY)
            .header("idempotency-key", "order-" + UUID.randomUUID())
            .header("content-type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"amount_minor\":%d,\"currency\":\"%s\"}".formatted(amountMinor, currency)))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  /** {@code GET /v1/payments/{id}} as the demo merchant. */
  JsonNode payment(String paymentId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(suite.baseUrl("gateway") + "/v1/payments/" + paymentId))
            .timeout(Duration.ofSeconds(10))
            .header("authorization", "Bearer " + DemoProvider.MERCHANT_API_KEY)
            .GET()
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Waits until the ledger shows at least {@code count} entries of the payment. */
  JsonNode awaitEntries(String paymentId, int count) {
    List<JsonNode> seen = new ArrayList<>();
    await()
        .atMost(END_TO_END)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              seen.clear();
              entries(paymentId).forEach(seen::add);
              return seen.size() >= count;
            });
    return JSON.valueToTree(seen);
  }

  /** The payment's journal entries as the ledger's API returns them (an empty list on 404). */
  List<JsonNode> entries(String paymentId) throws Exception {
    HttpResponse<String> response = get("ledger", "/v1/payments/" + paymentId + "/entries");
    if (response.statusCode() == 404) {
      return List.of();
    }
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    JsonNode list = body.isArray() ? body : body.path("entries");
    List<JsonNode> result = new ArrayList<>();
    list.forEach(result::add);
    return result;
  }

  /** The provider's statement, as a CSV file uploaded to reconciliation. */
  void uploadStatement(String csv) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(suite.baseUrl("reconciliation") + "/v1/statements?format=csv"))
            .timeout(Duration.ofSeconds(30))
            .header("authorization", "Bearer " + DemoProvider.OPERATOR_API_KEY)
            .header("content-type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  /** A read as the local stack's auditor (public routes ignore the key). */
  HttpResponse<String> get(String service, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(suite.baseUrl(service) + path))
            .timeout(Duration.ofSeconds(10))
            .header("authorization", "Bearer " + DemoProvider.AUDITOR_API_KEY)
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
