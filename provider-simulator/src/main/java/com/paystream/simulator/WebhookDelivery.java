package com.paystream.simulator;

import io.netty.buffer.Unpooled;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the gateway of each settlement by a Standard Webhooks callback, as unreliably as the {@link
 * WebhookFaults} say (dropped, duplicated, delayed, held back and sent after the next one), and
 * retries a failed delivery on a backoff schedule as a real provider does; counts what became of
 * every webhook ({@link WebhookStats}).
 *
 * <p>The fault decisions come from a random seeded at construction, so one thread settling in the
 * same order gets the same faults under the same seed.
 */
final class WebhookDelivery {

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

  private final AtomicReference<WebhookFaults> faults = new AtomicReference<>(WebhookFaults.NONE);
  private final AtomicInteger webhooksSent = new AtomicInteger();
  private final Random random;
  private final Clock clock;
  private final StandardWebhookSigner signer;
  private final AtomicReference<List<String>> webhookUrls = new AtomicReference<>(List.of());
  private final AtomicLong nextInstance = new AtomicLong();
  private final Map<String, AtomicLong> acknowledgedBy = new ConcurrentHashMap<>();
  private final HttpClient gateway = HttpClient.create();
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
    final long[] delaysMs;
    final AtomicInteger copiesLeft;
    final CompletableFuture<Void> firstSend = new CompletableFuture<>();
    volatile Fate fate = Fate.IN_FLIGHT;
    volatile Instant acknowledgedAt;

    Webhook(String eventId, String paymentId, byte[] body, long[] delaysMs) {
      this.eventId = eventId;
      this.paymentId = paymentId;
      this.body = body;
      this.delaysMs = delaysMs;
      this.copiesLeft = new AtomicInteger(delaysMs.length);
    }
  }

  WebhookDelivery(String webhookSecret, long seed, Clock clock) {
    this.random = new Random(seed);
    this.clock = clock;
    this.signer = new StandardWebhookSigner(webhookSecret);
  }

  /**
   * Where the gateway's instances take the webhooks, spread over them in turn; none are sent before
   * one is set.
   */
  void webhookUrls(List<String> urls) {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("at least one webhook URL");
    }
    webhookUrls.set(List.copyOf(urls));
  }

  /** See {@link ProviderSimulator#acknowledgedBy}. */
  Map<String, Long> acknowledgedBy() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String url : webhookUrls.get()) {
      counts.put(url, acknowledgedBy.getOrDefault(url, new AtomicLong()).get());
    }
    return counts;
  }

  void faults(WebhookFaults newFaults) {
    faults.set(newFaults);
  }

  /** See {@link ProviderSimulator#deliveryRetries}. */
  void deliveryRetries(Duration... waits) {
    for (Duration wait : waits) {
      if (wait == null || wait.isNegative()) {
        throw new IllegalArgumentException("retry waits are zero or positive");
      }
    }
    retryWaits = List.of(waits);
  }

  /** See {@link ProviderSimulator#deliveryTimeout}. */
  void deliveryTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the delivery timeout is positive");
    }
    deliveryTimeout = timeout;
  }

  /** HTTP responses the gateway gave to webhook deliveries, whatever their status. */
  int webhooksSent() {
    return webhooksSent.get();
  }

  /** What became of the webhooks so far, as one consistent snapshot. */
  WebhookStats stats() {
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

  /** See {@link ProviderSimulator#acknowledgedAt}. */
  Optional<Instant> acknowledgedAt(String paymentId) {
    return Optional.ofNullable(latestWebhook.get(paymentId)).map(webhook -> webhook.acknowledgedAt);
  }

  /** See {@link ProviderSimulator#unannounced}. */
  Set<String> unannounced() {
    Set<String> paymentIds = new TreeSet<>();
    latestWebhook.forEach(
        (paymentId, webhook) -> {
          if (webhook.fate == Fate.DROPPED || webhook.fate == Fate.UNDELIVERED) {
            paymentIds.add(paymentId);
          }
        });
    return paymentIds;
  }

  /** No attempt is made any more; retries already scheduled end as failed attempts. */
  void close() {
    closed = true;
  }

  /**
   * Decides the webhook's faults (under the lock, from the seeded random, so that one thread
   * settling gets the same faults under the same seed) and starts its delivery; completes once the
   * fate of its first send is decided.
   */
  Mono<Void> announce(SimulatedPayment payment) {
    if (webhookUrls.get().isEmpty()) {
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
        webhook = new Webhook(eventId, payment.paymentId(), body, new long[0]);
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
      webhook = new Webhook(eventId, payment.paymentId(), body, delaysMs);
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
                sendCopies(webhook).subscribe(null, WebhookDelivery::ignore);
              }
            },
            WebhookDelivery::ignore);
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
        .subscribe(ok -> afterAttempt(webhook, copy, retriesDone + 1, ok), WebhookDelivery::ignore);
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
   *
   * <p>With several gateway instances the attempts take them in turn, as a load balancer would; an
   * instance that refuses the connection (down, restarting) is skipped for the next one within the
   * same attempt, as a health-checked balancer would, so only when every instance refuses does the
   * attempt fail.
   */
  private Mono<Boolean> attempt(Webhook webhook) {
    if (closed) {
      return Mono.just(false);
    }
    List<String> urls = webhookUrls.get();
    int first = (int) Math.floorMod(nextInstance.getAndIncrement(), (long) urls.size());
    return attemptAt(webhook, urls, first, urls.size());
  }

  private Mono<Boolean> attemptAt(Webhook webhook, List<String> urls, int index, int left) {
    String url = urls.get(index % urls.size());
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
        .doOnNext(
            ok -> {
              if (ok) {
                acknowledgedBy.computeIfAbsent(url, key -> new AtomicLong()).incrementAndGet();
              }
            })
        .timeout(deliveryTimeout)
        .onErrorResume(
            error ->
                refused(error) && left > 1 && !closed
                    ? attemptAt(webhook, urls, index + 1, left - 1)
                    : Mono.just(false))
        .defaultIfEmpty(false);
  }

  /** Nobody listens at the instance's port: a balancer's health check would have taken it out. */
  private static boolean refused(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  private static byte[] webhookBody(SimulatedPayment payment) {
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
}
