package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's HTTP API as the gateway and the customer call it, for tests. */
final class ProviderApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.create();
  private final ProviderSimulator simulator;

  record Answer(int status, String body) {}

  ProviderApi(ProviderSimulator simulator) {
    this.simulator = simulator;
  }

  /** {@code POST /v1/payments} for merchant {@code m-1}; the simulator's 201 answer. */
  JsonNode createPayment(String paymentId, long amountMinor, String currency) {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "payment_id",
                paymentId,
                "merchant_id",
                "m-1",
                "amount_minor",
                amountMinor,
                "currency",
                currency));
    Answer answer = post(simulator.baseUrl() + "/v1/payments", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return JSON.readTree(answer.body());
  }

  /** {@code GET /v1/payments?payment_id=...}: the status query. */
  JsonNode statusQuery(String paymentId) {
    String body =
        http.get()
            .uri(simulator.baseUrl() + "/v1/payments?payment_id=" + paymentId)
            .responseSingle(
                (response, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty(""))
            .block(TIMEOUT);
    return JSON.readTree(body);
  }

  /** {@code GET url}: status and body. */
  Answer get(String url) {
    return http.get()
        .uri(url)
        .responseSingle(
            (response, content) ->
                content
                    .asString(StandardCharsets.UTF_8)
                    .defaultIfEmpty("")
                    .map(text -> new Answer(response.status().code(), text)))
        .block(TIMEOUT);
  }

  Answer post(String url) {
    return post(url, "");
  }

  Answer post(String url, String body) {
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
