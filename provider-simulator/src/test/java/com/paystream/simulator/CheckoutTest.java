package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The customer's side of the simulator: paying at the redirect URL sends the signed webhook. */
class CheckoutTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SECRET = StandardWebhookSigner.newSecret();

  private record Received(HttpHeaders headers, byte[] body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final DisposableServer gateway =
      HttpServer.create()
          .host("127.0.0.1")
          .port(0)
          .route(
              routes ->
                  routes.post(
                      "/v1/webhooks/simulator",
                      (request, response) ->
                          request
                              .receive()
                              .aggregate()
                              .asByteArray()
                              .doOnNext(
                                  body ->
                                      received.add(new Received(request.requestHeaders(), body)))
                              .then(response.sendString(Mono.just("ok")).then())))
          .bindNow(TIMEOUT);
  private final ProviderSimulator simulator = new ProviderSimulator(SECRET, 1);
  private final HttpClient http = HttpClient.create();

  @AfterEach
  void stop() {
    simulator.close();
    gateway.disposeNow(TIMEOUT);
  }

  @Test
  void payingAtTheRedirectUrlSendsASignedSucceededWebhook() {
    simulator.webhookUrl("http://127.0.0.1:" + gateway.port() + "/v1/webhooks/simulator");
    JsonNode created = createPayment("pay-1", 1999, "EUR");

    Answer paid = post(created.get("redirect_url").stringValue());

    assertThat(paid.status()).isEqualTo(200);
    assertThat(received).hasSize(1);
    Received webhook = received.get(0);
    String id = webhook.headers().get("webhook-id");
    long timestamp = Long.parseLong(webhook.headers().get("webhook-timestamp"));
    assertThat(webhook.headers().get("webhook-signature"))
        .isEqualTo(new StandardWebhookSigner(SECRET).signature(id, timestamp, webhook.body()));
    JsonNode data = JSON.readTree(webhook.body()).get("data");
    assertThat(data.get("payment_id").stringValue()).isEqualTo("pay-1");
    assertThat(data.get("status").stringValue()).isEqualTo("SUCCEEDED");
    assertThat(data.get("amount_minor").longValue()).isEqualTo(1999);
    assertThat(simulator.payment("pay-1").orElseThrow().status()).isEqualTo("SUCCEEDED");
  }

  @Test
  void aCustomerCanFailThePaymentButNotPayTwiceOrWithANonsenseStatus() {
    String url = createPayment("pay-2", 500, "USD").get("redirect_url").stringValue();

    assertThat(post(url + "?status=MAYBE").status()).isEqualTo(400);
    assertThat(post(url + "?status=FAILED").status()).isEqualTo(200);
    assertThat(post(url).status()).isEqualTo(409);
    assertThat(post(simulator.baseUrl() + "/checkout/psp_unknown").status()).isEqualTo(404);
    assertThat(simulator.payment("pay-2").orElseThrow().status()).isEqualTo("FAILED");
  }

  private JsonNode createPayment(String paymentId, long amountMinor, String currency) {
    String body =
        JSON.writeValueAsString(
            java.util.Map.of(
                "payment_id",
                paymentId,
                "merchant_id",
                "m-1",
                "amount_minor",
                amountMinor,
                "currency",
                currency));
    Answer answer = post(simulator.baseUrl() + "/v1/payments", body);
    assertThat(answer.status()).isEqualTo(201);
    return JSON.readTree(answer.body());
  }

  private record Answer(int status, String body) {}

  private Answer post(String url) {
    return post(url, "");
  }

  private Answer post(String url, String body) {
    return http.headers(headers -> headers.set("Content-Type", "application/json"))
        .post()
        .uri(url)
        .send(ByteBufFlux.fromString(Mono.just(body)))
        .responseSingle(
            (response, content) ->
                content
                    .asString(StandardCharsets.UTF_8)
                    .defaultIfEmpty("")
                    .map(text -> new Answer(response.status().code(), text)))
        .block(TIMEOUT);
  }
}
