package com.paystream.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the gateway's webhook endpoint over real HTTP: records every delivery it gets and
 * answers as scripted (a status per request in turn, {@link #HANG} for no answer at all), then
 * {@code 200}, or with {@link #failEvery} a {@code 503} to every n-th request.
 */
final class FakeGateway implements AutoCloseable {

  /** Scripted instead of a status: never answer. */
  static final int HANG = 0;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One delivery as the gateway got it (signature headers, raw body and the fields the tests read),
   * and what it answered (0 for no answer).
   */
  record Delivery(
      String webhookId,
      String timestamp,
      String signature,
      String body,
      String paymentId,
      long amountMinor,
      String status,
      int answer,
      Instant at) {}

  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int failEvery;
  private volatile int otherwise = 200;
  private final DisposableServer server;

  FakeGateway() {
    this(0);
  }

  FakeGateway(int port) {
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(port)
            .route(
                routes ->
                    routes.post(
                        "/v1/webhooks/simulator",
                        (request, response) ->
                            request
                                .receive()
                                .aggregate()
                                .asString(StandardCharsets.UTF_8)
                                .flatMap(
                                    body -> {
                                      int answer = answer();
                                      JsonNode data = JSON.readTree(body).get("data");
                                      deliveries.add(
                                          new Delivery(
                                              request.requestHeaders().get("webhook-id"),
                                              request.requestHeaders().get("webhook-timestamp"),
                                              request.requestHeaders().get("webhook-signature"),
                                              body,
                                              data.get("payment_id").stringValue(),
                                              data.get("amount_minor").longValue(),
                                              data.get("status").stringValue(),
                                              answer,
                                              Instant.now()));
                                      if (answer == HANG) {
                                        return Mono.never();
                                      }
                                      return response
                                          .status(answer)
                                          .sendString(Mono.just("ok"))
                                          .then();
                                    })))
            .bindNow(TIMEOUT);
  }

  private int answer() {
    int number = requests.incrementAndGet();
    Integer scripted = script.poll();
    if (scripted != null) {
      return scripted;
    }
    int every = failEvery;
    return every > 0 && number % every == 0 ? 503 : otherwise;
  }

  /** The next requests are answered with these statuses in turn ({@link #HANG}: not at all). */
  FakeGateway answering(Integer... statuses) {
    script.addAll(List.of(statuses));
    return this;
  }

  /** Unscripted requests are answered with this status ({@code 200} unless set). */
  FakeGateway otherwise(int status) {
    otherwise = status;
    return this;
  }

  /** Every n-th request is answered {@code 503}. */
  FakeGateway failEvery(int n) {
    failEvery = n;
    return this;
  }

  String webhookUrl() {
    return "http://127.0.0.1:" + server.port() + "/v1/webhooks/simulator";
  }

  static String webhookUrl(int port) {
    return "http://127.0.0.1:" + port + "/v1/webhooks/simulator";
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  @Override
  public void close() {
    server.disposeNow(TIMEOUT);
  }
}
