package com.paystream.simulator;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment provider over real HTTP, speaking the provider REST protocol of {@code
 * RestProviderClient}: it creates payments (idempotent by key), answers status queries, refunds and
 * cancels. Settling a payment ({@link #settle}) sends a Standard Webhooks callback, signed with the
 * configured secret, to the gateway, subject to the configured {@link WebhookFaults}. It keeps the
 * provider's statement of settled payments ({@link #statementCsv}).
 *
 * <p>Deterministic under a seed, so a failing test can be replayed.
 */
public final class ProviderSimulator implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, SimulatedPayment> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByPaymentId = new ConcurrentHashMap<>();
  private final Map<String, String> refundsByKey = new ConcurrentHashMap<>();
  private final List<StatementEntry> statementLines = new ArrayList<>();
  private final AtomicInteger failNextRequests = new AtomicInteger();
  private final AtomicReference<WebhookFaults> faults = new AtomicReference<>(WebhookFaults.NONE);
  private final AtomicReference<Held> held = new AtomicReference<>();
  private final AtomicInteger webhooksSent = new AtomicInteger();
  private final AtomicInteger statusQueries = new AtomicInteger();
  private final Random random;
  private final Clock clock;
  private final StandardWebhookSigner signer;
  private final AtomicReference<String> webhookUrl = new AtomicReference<>();
  private final HttpClient gateway = HttpClient.create();
  private final DisposableServer server;
  private final String providerName;

  private record Held(String eventId, byte[] body) {}

  public ProviderSimulator(String webhookSecret, long seed) {
    this(webhookSecret, seed, "simulator");
  }

  /**
   * @param providerName the provider's name on its statement (the gateway's name for it)
   */
  public ProviderSimulator(String webhookSecret, long seed, String providerName) {
    this(webhookSecret, seed, providerName, 0);
  }

  /**
   * @param providerName the provider's name on its statement (the gateway's name for it)
   * @param port where to listen on 127.0.0.1; 0 for any free port
   */
  public ProviderSimulator(String webhookSecret, long seed, String providerName, int port) {
    this.providerName = providerName;
    this.random = new Random(seed);
    this.clock = Clock.systemUTC();
    this.signer = new StandardWebhookSigner(webhookSecret);
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(port)
            .route(
                routes ->
                    routes
                        .post("/v1/payments", this::create)
                        .get("/v1/payments", this::status)
                        .post("/v1/payments/{id}/refunds", this::refund)
                        .post("/v1/payments/{id}/cancel", this::cancel)
                        .post("/checkout/{id}", this::checkout))
            .bindNow(Duration.ofSeconds(10));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /**
   * Where the gateway takes this provider's webhooks, e.g. {@code
   * http://host:port/v1/webhooks/simulator}.
   */
  public void webhookUrl(String url) {
    webhookUrl.set(url);
  }

  public void faults(WebhookFaults newFaults) {
    faults.set(newFaults);
  }

  /** The next {@code count} API requests fail with 503, as a provider outage does. */
  public void failNextRequests(int count) {
    failNextRequests.set(count);
  }

  public int webhooksSent() {
    return webhooksSent.get();
  }

  /** Status queries answered so far (found or not). */
  public int statusQueries() {
    return statusQueries.get();
  }

  public Optional<SimulatedPayment> payment(String paymentId) {
    return Optional.ofNullable(idByPaymentId.get(paymentId)).map(byId::get);
  }

  /**
   * The customer finished paying (or failed to): the payment takes {@code status} and the provider
   * tells the gateway by webhook, as unreliably as the faults say.
   */
  public Mono<Void> settle(String paymentId, String status) {
    String id = idByPaymentId.get(paymentId);
    if (id == null) {
      return Mono.error(new IllegalArgumentException("unknown payment " + paymentId));
    }
    SimulatedPayment settled =
        byId.computeIfPresent(id, (k, p) -> p.withStatus(status, clock.instant()));
    if ("SUCCEEDED".equals(status) && settled.amountMinor() > 0) {
      synchronized (statementLines) {
        statementLines.add(statementEntry(settled, settled.id(), settled.amountMinor(), false));
      }
    }
    return notifyGateway(settled);
  }

  /**
   * The provider's statement for a business date (UTC) in the provider CSV format that
   * reconciliation-svc ingests; see {@link ProviderStatement#csv}.
   */
  public String statementCsv(LocalDate businessDate) {
    return statement(businessDate).csv();
  }

  /** The provider's statement for a business date (UTC), in every format it can be written in. */
  public ProviderStatement statement(LocalDate businessDate) {
    List<StatementEntry> entries;
    synchronized (statementLines) {
      entries = List.copyOf(statementLines);
    }
    return new ProviderStatement(
        providerName,
        businessDate,
        entries.stream().filter(entry -> entry.bookingDate().equals(businessDate)).toList());
  }

  private static StatementEntry statementEntry(
      SimulatedPayment payment, String providerReference, long amountMinor, boolean refund) {
    return new StatementEntry(
        LocalDate.ofInstant(payment.updatedAt(), ZoneOffset.UTC),
        providerReference,
        payment.paymentId(),
        payment.currency(),
        amountMinor,
        refund);
  }

  private Mono<Void> notifyGateway(SimulatedPayment payment) {
    if (webhookUrl.get() == null) {
      return Mono.empty();
    }
    WebhookFaults current = faults.get();
    String eventId = "evt_" + UUID.randomUUID();
    byte[] body = webhookBody(payment);
    if (chance(current.dropRate())) {
      return Mono.empty();
    }
    if (chance(current.reorderRate()) && held.compareAndSet(null, new Held(eventId, body))) {
      return Mono.empty();
    }
    Held previous = held.getAndSet(null);
    Mono<Void> sends = send(eventId, body, current);
    if (chance(current.duplicateRate())) {
      sends = sends.then(send(eventId, body, current));
    }
    if (previous != null) {
      sends = sends.then(send(previous.eventId(), previous.body(), current));
    }
    return sends;
  }

  private Mono<Void> send(String eventId, byte[] body, WebhookFaults current) {
    long delayMs =
        current.maxDelay().isZero()
            ? 0
            : (long) (random.nextDouble() * current.maxDelay().toMillis());
    return Mono.delay(Duration.ofMillis(delayMs))
        .then(
            gateway
                .headers(
                    headers -> {
                      headers.set("Content-Type", "application/json");
                      signer.headers(eventId, clock.instant(), body).forEach(headers::set);
                    })
                .post()
                .uri(webhookUrl.get())
                .send(Mono.just(io.netty.buffer.Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> content.then(Mono.just(response.status())))
                .doOnNext(status -> webhooksSent.incrementAndGet())
                .then());
  }

  private byte[] webhookBody(SimulatedPayment payment) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("payment_id", payment.paymentId());
    data.put("merchant_id", payment.merchantId());
    data.put("amount_minor", payment.amountMinor());
    data.put("currency", payment.currency());
    data.put("status", payment.status());
    data.put("provider_payment_id", payment.id());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "payment." + payment.status().toLowerCase(Locale.ROOT));
    event.put("timestamp", payment.updatedAt().toString());
    event.put("data", data);
    return JSON.writeValueAsBytes(event);
  }

  private synchronized boolean chance(double rate) {
    return rate > 0 && random.nextDouble() < rate;
  }

  private boolean outage() {
    return failNextRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  private Mono<Void> create(HttpServerRequest request, HttpServerResponse response) {
    if (outage()) {
      return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
    }
    return request
        .receive()
        .aggregate()
        .asByteArray()
        .flatMap(
            bytes -> {
              JsonNode json = JSON.readTree(bytes);
              String paymentId = json.get("payment_id").stringValue();
              String id =
                  idByPaymentId.computeIfAbsent(
                      paymentId,
                      p -> {
                        String newId = "psp_" + UUID.randomUUID().toString().replace("-", "");
                        byId.put(
                            newId,
                            new SimulatedPayment(
                                newId,
                                p,
                                json.get("merchant_id").stringValue(),
                                json.get("amount_minor").longValue(),
                                json.get("currency").stringValue(),
                                "PENDING",
                                1,
                                clock.instant()));
                        return newId;
                      });
              return json(
                  response,
                  201,
                  Map.of(
                      "id",
                      id,
                      "status",
                      byId.get(id).status(),
                      "redirect_url",
                      baseUrl() + "/checkout/" + id));
            });
  }

  private Mono<Void> status(HttpServerRequest request, HttpServerResponse response) {
    if (outage()) {
      return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
    }
    List<String> asked =
        new QueryStringDecoder(request.uri()).parameters().getOrDefault("payment_id", List.of());
    String id = asked.size() == 1 ? idByPaymentId.get(asked.get(0)) : null;
    statusQueries.incrementAndGet();
    if (id == null) {
      return response.status(HttpResponseStatus.NOT_FOUND).send();
    }
    SimulatedPayment payment = byId.get(id);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", payment.id());
    json.put("payment_id", payment.paymentId());
    json.put("merchant_id", payment.merchantId());
    json.put("amount_minor", payment.amountMinor());
    json.put("currency", payment.currency());
    json.put("status", payment.status());
    json.put("updated_at", payment.updatedAt().toString());
    json.put("state_id", payment.stateId());
    return json(response, 200, json);
  }

  private Mono<Void> refund(HttpServerRequest request, HttpServerResponse response) {
    if (outage()) {
      return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
    }
    SimulatedPayment payment = byId.get(request.param("id"));
    String key = request.requestHeaders().get("Idempotency-Key");
    if (payment == null || key == null) {
      return response.status(HttpResponseStatus.NOT_FOUND).send();
    }
    return request
        .receive()
        .aggregate()
        .asByteArray()
        .flatMap(
            bytes -> {
              long amount = JSON.readTree(bytes).get("amount_minor").longValue();
              String refundId =
                  refundsByKey.computeIfAbsent(
                      key,
                      k -> {
                        String id = "re_" + UUID.randomUUID().toString().replace("-", "");
                        synchronized (statementLines) {
                          statementLines.add(
                              statementEntry(
                                  payment.withStatus(payment.status(), clock.instant()),
                                  id,
                                  amount,
                                  true));
                        }
                        return id;
                      });
              return json(response, 201, Map.of("id", refundId));
            });
  }

  /**
   * The customer at the redirect URL: {@code POST /checkout/{id}?status=SUCCEEDED|FAILED} (default
   * {@code SUCCEEDED}) settles the payment, which sends its webhook.
   */
  private Mono<Void> checkout(HttpServerRequest request, HttpServerResponse response) {
    SimulatedPayment payment = byId.get(request.param("id"));
    if (payment == null) {
      return response.status(HttpResponseStatus.NOT_FOUND).send();
    }
    String status =
        new QueryStringDecoder(request.uri())
            .parameters()
            .getOrDefault("status", List.of("SUCCEEDED"))
            .get(0);
    if (!"SUCCEEDED".equals(status) && !"FAILED".equals(status)) {
      return json(response, 400, Map.of("error", "status is SUCCEEDED or FAILED"));
    }
    if (!"PENDING".equals(payment.status())) {
      return json(response, 409, Map.of("error", "payment is " + payment.status()));
    }
    return settle(payment.paymentId(), status)
        .then(Mono.defer(() -> json(response, 200, Map.of("id", payment.id(), "status", status))));
  }

  private Mono<Void> cancel(HttpServerRequest request, HttpServerResponse response) {
    if (outage()) {
      return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
    }
    String id = request.param("id");
    SimulatedPayment payment = byId.get(id);
    if (payment == null) {
      return response.status(HttpResponseStatus.NOT_FOUND).send();
    }
    if ("SUCCEEDED".equals(payment.status())) {
      return response.status(HttpResponseStatus.CONFLICT).send();
    }
    byId.computeIfPresent(id, (k, p) -> p.withStatus("CANCELLED", clock.instant()));
    return json(response, 200, Map.of("id", id, "status", "CANCELLED"));
  }

  private static Mono<Void> json(HttpServerResponse response, int status, Object body) {
    return response
        .status(status)
        .header("Content-Type", "application/json")
        .sendByteArray(Mono.just(JSON.writeValueAsBytes(body)))
        .then();
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }
}
