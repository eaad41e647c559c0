package com.paystream.simulator;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * configured secret, to the gateway, subject to the configured {@link WebhookFaults}, and retries a
 * failed delivery on a backoff schedule as a real provider does ({@link #deliveryRetries}); {@link
 * #stats} counts what became of every webhook. It keeps the provider's statement of settled
 * payments ({@link #statement}).
 *
 * <p>Safe to settle from many threads at once. The fault decisions come from a random seeded at
 * construction, so one thread settling in the same order gets the same faults under the same seed.
 */
public final class ProviderSimulator implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A real provider's retry schedule: about a minute in all, then the webhook is given up. */
  private static final List<Duration> DEFAULT_RETRY_WAITS =
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(4),
          Duration.ofSeconds(8),
          Duration.ofSeconds(15),
          Duration.ofSeconds(30));

  private static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(10);

  /** How long a held webhook waits for a next one when the faults have no {@code maxDelay}. */
  private static final Duration DEFAULT_HOLD = Duration.ofSeconds(2);

  private final Map<String, SimulatedPayment> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByPaymentId = new ConcurrentHashMap<>();
  private final Map<String, String> refundsByKey = new ConcurrentHashMap<>();
  private final List<StatementEntry> statementLines = new ArrayList<>();
  private final AtomicInteger failNextRequests = new AtomicInteger();
  private final AtomicReference<WebhookFaults> faults = new AtomicReference<>(WebhookFaults.NONE);
  private final AtomicInteger webhooksSent = new AtomicInteger();
  private final AtomicInteger statusQueries = new AtomicInteger();
  private final Random random;
  private final Clock clock;
  private final StandardWebhookSigner signer;
  private final AtomicReference<String> webhookUrl = new AtomicReference<>();
  private final HttpClient gateway = HttpClient.create();
  private final DisposableServer server;
  private final String providerName;
  private final Map<String, Webhook> latestWebhook = new ConcurrentHashMap<>();
  private volatile List<Duration> retryWaits = DEFAULT_RETRY_WAITS;
  private volatile Duration deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;
  private volatile boolean closed;

  /**
   * Guards the fault decisions (and so the seeded random), the held webhook and the statistics, so
   * that a snapshot of the statistics always adds up.
   */
  private final Object lock = new Object();

  private Webhook held;
  private long settlements;
  private long delivered;
  private long duplicatesSent;
  private long dropped;
  private long reordered;
  private long delayed;
  private long retries;
  private long undelivered;
  private long inFlight;

  /** Where a webhook event stands; changed under {@link #lock}. */
  private enum Fate {
    IN_FLIGHT,
    DELIVERED,
    DROPPED,
    UNDELIVERED
  }

  /**
   * One webhook event (one settlement): its copies share the event id; {@code delaysMs} has one
   * entry per copy (the original, then the duplicate if any).
   */
  private static final class Webhook {
    final String eventId;
    final String paymentId;
    final byte[] body;
    final String url;
    final long[] delaysMs;
    final AtomicInteger copiesLeft;
    final CompletableFuture<Void> firstSend = new CompletableFuture<>();
    volatile Fate fate = Fate.IN_FLIGHT;
    volatile Instant acknowledgedAt;

    Webhook(String eventId, String paymentId, byte[] body, String url, long[] delaysMs) {
      this.eventId = eventId;
      this.paymentId = paymentId;
      this.body = body;
      this.url = url;
      this.delaysMs = delaysMs;
      this.copiesLeft = new AtomicInteger(delaysMs.length);
    }
  }

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

  /**
   * How long each delivery attempt waits after a failed one before the next: the number of waits is
   * the number of retries, after which the delivery is given up. By default 1, 2, 4, 8, 15 and 30
   * seconds (about a minute in all); none means a single attempt.
   */
  public void deliveryRetries(Duration... waits) {
    for (Duration wait : waits) {
      if (wait == null || wait.isNegative()) {
        throw new IllegalArgumentException("retry waits are zero or positive");
      }
    }
    retryWaits = List.of(waits);
  }

  /**
   * How long one delivery attempt may take, connecting included, before it counts as failed; 10
   * seconds by default.
   */
  public void deliveryTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the delivery timeout is positive");
    }
    deliveryTimeout = timeout;
  }

  /** HTTP responses the gateway gave to webhook deliveries, whatever their status. */
  public int webhooksSent() {
    return webhooksSent.get();
  }

  /** Status queries answered so far (found or not). */
  public int statusQueries() {
    return statusQueries.get();
  }

  /** What became of the webhooks so far, as one consistent snapshot. */
  public WebhookStats stats() {
    synchronized (lock) {
      return new WebhookStats(
          settlements,
          delivered,
          duplicatesSent,
          dropped,
          reordered,
          delayed,
          retries,
          undelivered,
          inFlight);
    }
  }

  /**
   * When the gateway first answered 2xx to the webhook of the payment's latest settlement; empty
   * while it has not (yet), or when no webhook was sent.
   */
  public Optional<Instant> acknowledgedAt(String paymentId) {
    return Optional.ofNullable(latestWebhook.get(paymentId)).map(webhook -> webhook.acknowledgedAt);
  }

  /**
   * Payments whose latest settlement's webhook was dropped by the faults or given up after the last
   * retry: the gateway can learn their outcome only by a status query.
   */
  public Set<String> unannounced() {
    Set<String> paymentIds = new TreeSet<>();
    latestWebhook.forEach(
        (paymentId, webhook) -> {
          if (webhook.fate == Fate.DROPPED || webhook.fate == Fate.UNDELIVERED) {
            paymentIds.add(paymentId);
          }
        });
    return paymentIds;
  }

  public Optional<SimulatedPayment> payment(String paymentId) {
    return Optional.ofNullable(idByPaymentId.get(paymentId)).map(byId::get);
  }

  /**
   * The customer finished paying (or failed to): the payment takes {@code status} and the provider
   * tells the gateway by webhook, as unreliably as the faults say and retrying failed deliveries
   * (see {@link #deliveryRetries}).
   *
   * <p>The delivery runs on its own; the returned {@code Mono} completes once the fate of the
   * webhook's first send is decided: acknowledged, dropped, held back or given up. It never fails
   * because the gateway is unreachable or answers an error (see {@link #stats}); it fails only for
   * an unknown payment.
   */
  public Mono<Void> settle(String paymentId, String status) {
    return settle(paymentId, status, OptionalLong.empty());
  }

  /**
   * Settles the payment {@code SUCCEEDED} for {@code capturedAmountMinor} instead of the amount
   * ordered (a tip, a partial capture): the provider's payment takes that amount, so the status
   * query, the webhook and the statement line all carry it. Otherwise as {@link #settle(String,
   * String)}.
   *
   * @throws IllegalArgumentException if the amount is not positive or the status is not {@code
   *     SUCCEEDED}
   */
  public Mono<Void> settle(String paymentId, String status, long capturedAmountMinor) {
    if (capturedAmountMinor <= 0) {
      throw new IllegalArgumentException(
          "a captured amount is positive, not " + capturedAmountMinor);
    }
    if (!"SUCCEEDED".equals(status)) {
      throw new IllegalArgumentException("only a SUCCEEDED payment captures an amount");
    }
    return settle(paymentId, status, OptionalLong.of(capturedAmountMinor));
  }

  private Mono<Void> settle(String paymentId, String status, OptionalLong capturedAmountMinor) {
    String id = idByPaymentId.get(paymentId);
    if (id == null) {
      return Mono.error(new IllegalArgumentException("unknown payment " + paymentId));
    }
    SimulatedPayment settled =
        byId.computeIfPresent(
            id,
            (k, p) ->
                capturedAmountMinor.isPresent()
                    ? p.withCapture(status, capturedAmountMinor.getAsLong(), clock.instant())
                    : p.withStatus(status, clock.instant()));
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

  /**
   * Decides the webhook's faults (under the lock, from the seeded random, so that one thread
   * settling gets the same faults under the same seed) and starts its delivery.
   */
  private Mono<Void> notifyGateway(SimulatedPayment payment) {
    String url = webhookUrl.get();
    if (url == null) {
      return Mono.empty();
    }
    WebhookFaults current = faults.get();
    String eventId = "evt_" + UUID.randomUUID();
    byte[] body = webhookBody(payment);
    Webhook webhook;
    Webhook previous;
    boolean hold;
    synchronized (lock) {
      settlements++;
      if (chance(current.dropRate())) {
        webhook = new Webhook(eventId, payment.paymentId(), body, url, new long[0]);
        webhook.fate = Fate.DROPPED;
        dropped++;
        latestWebhook.put(payment.paymentId(), webhook);
        return Mono.empty();
      }
      inFlight++;
      hold = chance(current.reorderRate()) && held == null;
      int copies = chance(current.duplicateRate()) ? 2 : 1;
      long[] delaysMs = new long[copies];
      if (!hold && !current.maxDelay().isZero() && chance(current.delayRate())) {
        delayed++;
        for (int copy = 0; copy < copies; copy++) {
          delaysMs[copy] = (long) (random.nextDouble() * current.maxDelay().toMillis());
        }
      }
      webhook = new Webhook(eventId, payment.paymentId(), body, url, delaysMs);
      latestWebhook.put(payment.paymentId(), webhook);
      if (hold) {
        reordered++;
        held = webhook;
        previous = null;
      } else {
        previous = held;
        held = null;
      }
    }
    if (hold) {
      releaseLater(webhook, current.maxDelay().isZero() ? DEFAULT_HOLD : current.maxDelay());
      return Mono.empty();
    }
    Mono<Void> sends = sendCopies(webhook);
    if (previous != null) {
      sends = sends.then(Mono.defer(() -> sendCopies(previous)));
    }
    sends.subscribe(null, error -> webhook.firstSend.complete(null));
    return Mono.fromFuture(webhook.firstSend, true);
  }

  /** Sends a held webhook after {@code hold} unless a next webhook has taken it along by then. */
  private void releaseLater(Webhook webhook, Duration hold) {
    Mono.delay(hold)
        .subscribe(
            tick -> {
              boolean release;
              synchronized (lock) {
                release = held == webhook;
                if (release) {
                  held = null;
                }
              }
              if (release) {
                sendCopies(webhook).subscribe(null, ProviderSimulator::ignore);
              }
            },
            ProviderSimulator::ignore);
  }

  /**
   * Sends every copy of a webhook, each after the previous one's first attempt; completes after the
   * last one's first attempt. Failed attempts are retried in the background.
   */
  private Mono<Void> sendCopies(Webhook webhook) {
    Mono<Void> sends = Mono.empty();
    for (int copy = 0; copy < webhook.delaysMs.length; copy++) {
      int thisCopy = copy;
      sends = sends.then(Mono.defer(() -> sendCopy(webhook, thisCopy)));
    }
    return sends;
  }

  private Mono<Void> sendCopy(Webhook webhook, int copy) {
    if (copy > 0) {
      synchronized (lock) {
        duplicatesSent++;
      }
    }
    long delayMs = webhook.delaysMs[copy];
    Mono<Void> wait = delayMs > 0 ? Mono.delay(Duration.ofMillis(delayMs)).then() : Mono.empty();
    return wait.then(Mono.defer(() -> attempt(webhook)))
        .doOnNext(acknowledged -> afterAttempt(webhook, copy, 0, acknowledged))
        .then();
  }

  /** Acknowledged, or retried after the next wait of the schedule, or given up. */
  private void afterAttempt(Webhook webhook, int copy, int retriesDone, boolean acknowledged) {
    if (acknowledged) {
      synchronized (lock) {
        if (webhook.fate == Fate.IN_FLIGHT) {
          webhook.acknowledgedAt = clock.instant();
          webhook.fate = Fate.DELIVERED;
          delivered++;
          inFlight--;
        }
      }
      webhook.copiesLeft.decrementAndGet();
      firstSendDecided(webhook, copy);
      return;
    }
    List<Duration> waits = retryWaits;
    if (closed) {
      firstSendDecided(webhook, copy);
      return;
    }
    if (retriesDone >= waits.size()) {
      boolean lastCopy = webhook.copiesLeft.decrementAndGet() == 0;
      synchronized (lock) {
        if (lastCopy && webhook.fate == Fate.IN_FLIGHT) {
          webhook.fate = Fate.UNDELIVERED;
          undelivered++;
          inFlight--;
        }
      }
      firstSendDecided(webhook, copy);
      return;
    }
    Mono.delay(waits.get(retriesDone))
        .then(
            Mono.defer(
                () -> {
                  if (!closed) {
                    synchronized (lock) {
                      retries++;
                    }
                  }
                  return attempt(webhook);
                }))
        .subscribe(
            ok -> afterAttempt(webhook, copy, retriesDone + 1, ok), ProviderSimulator::ignore);
  }

  /**
   * Delivery never fails (an attempt's failure is its outcome); only a timer refused by a scheduler
   * being shut down could, and then there is nobody left to tell.
   */
  private static void ignore(Throwable error) {}

  private static void firstSendDecided(Webhook webhook, int copy) {
    if (copy == 0) {
      webhook.firstSend.complete(null);
    }
  }

  /**
   * One delivery attempt, signed afresh (same event id, new timestamp): true when the gateway
   * answered 2xx; false when it refused, reset, timed out or answered anything else (or the
   * simulator is closed). Never fails.
   */
  private Mono<Boolean> attempt(Webhook webhook) {
    if (closed) {
      return Mono.just(false);
    }
    String url = Optional.ofNullable(webhookUrl.get()).orElse(webhook.url);
    return gateway
        .headers(
            headers -> {
              headers.set("Content-Type", "application/json");
              signer.headers(webhook.eventId, clock.instant(), webhook.body).forEach(headers::set);
            })
        .post()
        .uri(url)
        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(webhook.body)))
        .responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
        .doOnNext(code -> webhooksSent.incrementAndGet())
        .map(code -> code >= 200 && code < 300)
        .timeout(deliveryTimeout)
        .onErrorReturn(false)
        .defaultIfEmpty(false);
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

  /** Called under {@link #lock}. */
  private boolean chance(double rate) {
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
    closed = true;
    server.disposeNow(Duration.ofSeconds(5));
  }
}
