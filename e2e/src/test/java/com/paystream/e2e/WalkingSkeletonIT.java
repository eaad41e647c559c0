package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.local.demo.StandardWebhookSignature;
import com.paystream.testkit.SharedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One callback through the whole suite, every service a separate process on the real broker and
 * PostgreSQL: the gateway verifies and records it, the relay publishes it, the ledger books it
 * exactly once as a balanced entry, and its confirmation ends the relay's re-delivery.
 */
class WalkingSkeletonIT {

  private static final Duration END_TO_END = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RunningSuite suite;
  private static JdbcTemplate gatewayDb;

  @BeforeAll
  static void startSuite() {
    suite = RunningSuite.get();
    DataSource gateway = SharedInfrastructure.postgres().dataSource("gateway");
    gatewayDb = new JdbcTemplate(gateway);
  }

  @Test
  void aSignedCallbackBecomesOneBalancedJournalEntryAndIsConfirmed() throws Exception {
    Callback callback = Callback.succeeded(1999, "EUR");

    HttpResponse<String> response = post(callback, callback.signature());

    assertThat(response.statusCode()).isBetween(200, 299);
    JsonNode entries = awaitEntries(callback.paymentId(), 1);
    assertBalanced(entries.get(0));
    await().atMost(END_TO_END).until(() -> "CONFIRMED".equals(outboxStatus(callback.paymentId())));
  }

  @Test
  void theSameCallbackTwiceIsAcknowledgedTwiceAndBookedOnce() throws Exception {
    Callback callback = Callback.succeeded(4250, "USD");

    assertThat(post(callback, callback.signature()).statusCode()).isBetween(200, 299);
    assertThat(post(callback, callback.signature()).statusCode()).isBetween(200, 299);

    awaitEntries(callback.paymentId(), 1);
    await().atMost(END_TO_END).until(() -> "CONFIRMED".equals(outboxStatus(callback.paymentId())));
    assertThat(
            gatewayDb.queryForObject(
                "select count(*) from outbox where message_key = ?",
                Integer.class,
                callback.paymentId()))
        .isEqualTo(1);
    assertThat(entries(callback.paymentId())).hasSize(1);
  }

  @Test
  void aTamperedSignatureGets401AndNothingIsStored() throws Exception {
    Callback callback = Callback.succeeded(500, "EUR");
    String forged = Callback.succeeded(5, "EUR").signature();

    HttpResponse<String> response = post(callback, forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(
            gatewayDb.queryForObject(
                "select count(*) from outbox where message_key = ?",
                Integer.class,
                callback.paymentId()))
        .isZero();
  }

  private record Callback(String webhookId, long timestamp, String paymentId, String body) {

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
      return StandardWebhookSignature.sign(
          RunningSuite.webhookSecret(), webhookId, timestamp, body);
    }
  }

  private static HttpResponse<String> post(Callback callback, String signature) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(suite.baseUrl("gateway") + "/v1/webhooks/simulator"))
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .header("webhook-id", callback.webhookId())
            .header("webhook-timestamp", Long.toString(callback.timestamp()))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(callback.body()))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode awaitEntries(String paymentId, int count) {
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
  private static List<JsonNode> entries(String paymentId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(suite.baseUrl("ledger") + "/v1/payments/" + paymentId + "/entries"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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

  private static void assertBalanced(JsonNode entry) {
    JsonNode postings = entry.path("postings");
    assertThat(postings.size()).isGreaterThanOrEqualTo(2);
    long debits = 0;
    long credits = 0;
    for (JsonNode posting : postings) {
      long amount = posting.path("amountMinor").asLong(posting.path("amount_minor").asLong());
      assertThat(amount).isPositive();
      if ("DEBIT".equals(posting.path("side").asText())) {
        debits += amount;
      } else {
        credits += amount;
      }
    }
    assertThat(debits).isEqualTo(credits);
  }

  private static String outboxStatus(String paymentId) {
    List<String> statuses =
        gatewayDb.queryForList(
            "select status from outbox where message_key = ?", String.class, paymentId);
    return statuses.isEmpty() ? "" : statuses.get(0);
  }
}
