package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.paystream.simulator.FakeGateway.Delivery;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhook delivery as a real provider does it, against a gateway endpoint over real HTTP: retries
 * on a backoff schedule, gives up in the end, counts what became of every webhook.
 */
class WebhookDeliveryTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SHORT = Duration.ofMillis(100);

  private final ProviderSimulator simulator =
      new ProviderSimulator(StandardWebhookSigner.newSecret(), 42);
  private final ProviderApi api = new ProviderApi(simulator);
  private final List<AutoCloseable> gateways = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    simulator.close();
    for (AutoCloseable gateway : gateways) {
      gateway.close();
    }
  }

  private FakeGateway gateway() {
    FakeGateway gateway = new FakeGateway();
    gateways.add(gateway);
    simulator.webhookUrl(gateway.webhookUrl());
    return gateway;
  }

  @Test
  void retriesUntilAGatewayAnswering503TwiceAcknowledges() {
    FakeGateway gateway = gateway().answering(503, 503);
    simulator.deliveryRetries(SHORT, SHORT, SHORT);
    String paymentId = create(1999, "EUR");
    Instant before = Instant.now();

    simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT);

    List<Delivery> deliveries = gateway.deliveries();
    assertThat(deliveries).extracting(Delivery::answer).containsExactly(503, 503, 200);
    assertThat(deliveries)
        .extracting(Delivery::webhookId)
        .containsOnly(deliveries.get(0).webhookId());
    assertThat(simulator.stats()).isEqualTo(new WebhookStats(1, 1, 0, 0, 0, 0, 2, 0, 0));
    assertThat(simulator.webhooksSent()).isEqualTo(3);
    assertThat(simulator.acknowledgedAt(paymentId))
        .hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(deliveries.get(2).at()))
        .hasValueSatisfying(at -> assertThat(at).isAfter(before));
    assertThat(simulator.unannounced()).isEmpty();
  }

  @Test
  void aGatewayThatIsDownAtFirstGetsTheWebhookOnceItComesUpWithinTheSchedule() throws Exception {
    int port = freePort();
    simulator.webhookUrl(FakeGateway.webhookUrl(port));
    simulator.deliveryRetries(SHORT, SHORT, SHORT, SHORT, SHORT, SHORT, SHORT, SHORT, SHORT, SHORT);
    String paymentId = create(500, "USD");

    CompletableFuture<Void> settled = simulator.settle(paymentId, "SUCCEEDED").toFuture();
    await().atMost(TIMEOUT).until(() -> simulator.stats().retries() >= 2);
    assertThat(settled).isNotDone();
    assertThat(simulator.stats().inFlight()).isEqualTo(1);
    FakeGateway gateway = new FakeGateway(port);
    gateways.add(gateway);

    await().atMost(TIMEOUT).until(() -> simulator.stats().delivered() == 1);
    assertThat(gateway.deliveries()).extracting(Delivery::paymentId).containsExactly(paymentId);
    assertThat(settled).succeedsWithin(TIMEOUT);
    assertThat(simulator.stats().undelivered()).isZero();
    assertThat(simulator.stats().inFlight()).isZero();
    assertThat(simulator.acknowledgedAt(paymentId)).isPresent();
  }

  @Test
  void retriesAnAttemptTheGatewayDoesNotAnswerInTime() {
    FakeGateway gateway = gateway().answering(FakeGateway.HANG);
    simulator.deliveryTimeout(Duration.ofMillis(300));
    simulator.deliveryRetries(SHORT);
    String paymentId = create(700, "EUR");

    simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT);

    assertThat(gateway.deliveries())
        .extracting(Delivery::answer)
        .containsExactly(FakeGateway.HANG, 200);
    assertThat(simulator.stats().retries()).isEqualTo(1);
    assertThat(simulator.stats().delivered()).isEqualTo(1);
  }

  @Test
  void givesUpAfterTheLastRetryCountsItUndeliveredAndListsThePaymentUnannounced() {
    FakeGateway gateway = gateway().otherwise(500);
    simulator.deliveryRetries(Duration.ofMillis(50), Duration.ofMillis(50));
    String paymentId = create(1000, "EUR");
    String other = create(2000, "EUR");

    simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT);

    assertThat(gateway.deliveries()).hasSize(3);
    assertThat(simulator.stats()).isEqualTo(new WebhookStats(1, 0, 0, 0, 0, 0, 2, 1, 0));
    assertThat(simulator.unannounced()).containsExactly(paymentId);
    assertThat(simulator.acknowledgedAt(paymentId)).isEmpty();

    gateway.otherwise(200);
    simulator.settle(other, "SUCCEEDED").block(TIMEOUT);
    assertThat(simulator.unannounced()).containsExactly(paymentId);
    assertThat(simulator.acknowledgedAt(other)).isPresent();
  }

  @Test
  void settlingNeverFailsBecauseTheGatewayIsDown() throws Exception {
    simulator.webhookUrl(FakeGateway.webhookUrl(freePort()));
    simulator.deliveryRetries();
    String paymentId = create(1000, "EUR");

    simulator.settle(paymentId, "FAILED").block(TIMEOUT);

    assertThat(simulator.stats()).isEqualTo(new WebhookStats(1, 0, 0, 0, 0, 0, 0, 1, 0));
    assertThat(simulator.webhooksSent()).isZero();
    assertThat(simulator.unannounced()).containsExactly(paymentId);
    assertThat(simulator.payment(paymentId).orElseThrow().status()).isEqualTo("FAILED");
  }

  @Test
  void droppedWebhooksLeaveTheirPaymentsUnannouncedUntilALaterSettlementIsAcknowledged() {
    FakeGateway gateway = gateway();
    simulator.faults(new WebhookFaults(1.0, 0, 0, 0, Duration.ZERO));
    String first = create(100, "EUR");
    String second = create(200, "EUR");

    simulator.settle(first, "SUCCEEDED").block(TIMEOUT);
    simulator.settle(second, "FAILED").block(TIMEOUT);

    assertThat(simulator.unannounced()).containsExactlyInAnyOrder(first, second);
    assertThat(simulator.stats()).isEqualTo(new WebhookStats(2, 0, 0, 2, 0, 0, 0, 0, 0));
    assertThat(gateway.deliveries()).isEmpty();

    simulator.faults(WebhookFaults.NONE);
    simulator.settle(second, "SUCCEEDED").block(TIMEOUT);
    assertThat(simulator.unannounced()).containsExactly(first);
    assertThat(simulator.acknowledgedAt(second)).isPresent();
    assertThat(simulator.acknowledgedAt(first)).isEmpty();
  }

  @Test
  void sendsAHeldWebhookWithNoSuccessorAfterMaxDelay() {
    FakeGateway gateway = gateway();
    simulator.faults(new WebhookFaults(0, 0, 1.0, 0, Duration.ofMillis(600)));
    String paymentId = create(100, "EUR");

    simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT);
    assertThat(gateway.deliveries()).isEmpty();
    assertThat(simulator.stats().reordered()).isEqualTo(1);
    assertThat(simulator.stats().inFlight()).isEqualTo(1);

    await()
        .between(Duration.ofMillis(200), TIMEOUT)
        .until(() -> simulator.stats().delivered() == 1);
    assertThat(gateway.deliveries()).extracting(Delivery::paymentId).containsExactly(paymentId);
    assertThat(simulator.stats().inFlight()).isZero();
  }

  @Test
  void holdsAWebhookTwoSecondsAtMostWhenTheFaultsHaveNoMaxDelay() {
    FakeGateway gateway = gateway();
    simulator.faults(new WebhookFaults(0, 0, 1.0, Duration.ZERO));
    String paymentId = create(100, "EUR");

    simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT);

    await().between(Duration.ofMillis(1000), TIMEOUT).until(() -> gateway.deliveries().size() == 1);
    assertThat(simulator.acknowledgedAt(paymentId)).isPresent();
  }

  @Test
  void sendsADuplicateAsASeparateDeliveryOfTheSameEventRetriedOnItsOwn() {
    FakeGateway gateway = gateway().answering(503, 503);
    simulator.faults(new WebhookFaults(0, 1.0, 0, 0, Duration.ZERO));
    simulator.deliveryRetries(SHORT);
    String paymentId = create(100, "EUR");

    simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT);
    await().atMost(TIMEOUT).until(() -> gateway.deliveries().size() == 4);

    List<Delivery> deliveries = gateway.deliveries();
    assertThat(deliveries)
        .extracting(Delivery::webhookId)
        .containsOnly(deliveries.get(0).webhookId());
    assertThat(deliveries).extracting(Delivery::answer).containsExactly(503, 503, 200, 200);
    await().atMost(TIMEOUT).until(() -> simulator.stats().inFlight() == 0);
    assertThat(simulator.stats()).isEqualTo(new WebhookStats(1, 1, 1, 0, 0, 0, 2, 0, 0));
  }

  @Test
  void theStatisticsAddUpWhileManyThreadsSettle() throws Exception {
    FakeGateway gateway = gateway().failEvery(4);
    simulator.faults(new WebhookFaults(0.1, 0.2, 0.2, 0.3, Duration.ofMillis(100)));
    simulator.deliveryRetries(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(50));
    List<String> paymentIds = IntStream.range(0, 80).mapToObj(i -> create(100 + i, "EUR")).toList();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    List<CompletableFuture<Void>> settling = new ArrayList<>();
    try {
      for (String paymentId : paymentIds) {
        settling.add(
            CompletableFuture.runAsync(
                () -> simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT), threads));
      }
      CompletableFuture<Void> all =
          CompletableFuture.allOf(settling.toArray(CompletableFuture[]::new));
      while (!all.isDone()) {
        assertAddsUp(simulator.stats());
      }
      assertThat(all).succeedsWithin(TIMEOUT);
    } finally {
      threads.shutdownNow();
    }

    await().atMost(TIMEOUT).until(() -> simulator.stats().inFlight() == 0);
    WebhookStats stats = simulator.stats();
    assertAddsUp(stats);
    assertThat(stats.settlements()).isEqualTo(80);
    assertThat(stats.dropped()).isPositive();
    assertThat(stats.duplicatesSent()).isPositive();
    assertThat(stats.reordered()).isPositive();
    assertThat(stats.delayed()).isPositive();
    assertThat(stats.retries()).isPositive();
    List<Delivery> deliveries = gateway.deliveries();
    Set<String> acknowledgedEvents =
        deliveries.stream()
            .filter(delivery -> delivery.answer() == 200)
            .map(Delivery::webhookId)
            .collect(Collectors.toSet());
    assertThat(acknowledgedEvents).hasSize((int) stats.delivered());
    assertThat(deliveries).hasSize(simulator.webhooksSent());
    assertThat(simulator.unannounced()).hasSize((int) (stats.dropped() + stats.undelivered()));
    Set<String> announced = new HashSet<>(paymentIds);
    announced.removeAll(simulator.unannounced());
    assertThat(announced).allSatisfy(p -> assertThat(simulator.acknowledgedAt(p)).isPresent());
    assertThat(deliveries.stream().map(Delivery::paymentId).collect(Collectors.toSet()))
        .containsAll(announced);
  }

  private static void assertAddsUp(WebhookStats stats) {
    assertThat(stats.delivered() + stats.dropped() + stats.undelivered() + stats.inFlight())
        .as("delivered + dropped + undelivered + inFlight of %s", stats)
        .isEqualTo(stats.settlements());
  }

  @Test
  void decidesTheSameFaultsUnderTheSameSeed() {
    List<WebhookStats> runs = new ArrayList<>();
    List<Set<String>> unannounced = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (FakeGateway gateway = new FakeGateway();
          ProviderSimulator seeded = new ProviderSimulator(StandardWebhookSigner.newSecret(), 5)) {
        seeded.webhookUrl(gateway.webhookUrl());
        seeded.faults(new WebhookFaults(0.3, 0.3, 0, 0.3, Duration.ofMillis(20)));
        for (int i = 0; i < 30; i++) {
          new ProviderApi(seeded).createPayment("pay-" + i, 100, "EUR");
          seeded.settle("pay-" + i, "SUCCEEDED").block(TIMEOUT);
        }
        await().atMost(TIMEOUT).until(() -> seeded.stats().inFlight() == 0);
        runs.add(seeded.stats());
        unannounced.add(seeded.unannounced());
      }
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
    assertThat(unannounced.get(1)).isEqualTo(unannounced.get(0)).isNotEmpty();
  }

  @Test
  void aCapturedAmountIsOnTheWebhookTheStatusQueryAndTheStatement() {
    FakeGateway gateway = gateway();
    String tipped = create(1000, "EUR");
    String ordered = create(800, "EUR");

    simulator.settle(tipped, "SUCCEEDED", 1250).block(TIMEOUT);
    simulator.settle(ordered, "SUCCEEDED").block(TIMEOUT);

    assertThat(gateway.deliveries())
        .extracting(Delivery::paymentId, Delivery::amountMinor, Delivery::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(tipped, 1250L, "SUCCEEDED"),
            org.assertj.core.groups.Tuple.tuple(ordered, 800L, "SUCCEEDED"));
    JsonNode status = api.statusQuery(tipped);
    assertThat(status.get("amount_minor").longValue()).isEqualTo(1250);
    assertThat(status.get("status").stringValue()).isEqualTo("SUCCEEDED");
    assertThat(simulator.payment(tipped).orElseThrow().amountMinor()).isEqualTo(1250);
    List<String> lines = simulator.statementCsv(LocalDate.now(ZoneOffset.UTC)).lines().toList();
    assertThat(lines)
        .anySatisfy(
            line -> assertThat(line).contains("," + tipped + ",").contains(",CREDIT,1250,EUR,"))
        .anySatisfy(
            line -> assertThat(line).contains("," + ordered + ",").contains(",CREDIT,800,EUR,"));
  }

  @Test
  void rejectsACapturedAmountThatIsNotPositiveOrNotForASucceededPayment() {
    String paymentId = create(1000, "EUR");

    assertThatThrownBy(() -> simulator.settle(paymentId, "SUCCEEDED", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.settle(paymentId, "SUCCEEDED", -5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.settle(paymentId, "FAILED", 500))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(simulator.payment(paymentId).orElseThrow().status()).isEqualTo("PENDING");
  }

  @Test
  void spreadsWebhooksOverEveryGatewayInstanceInTurn() {
    FakeGateway first = new FakeGateway();
    FakeGateway second = new FakeGateway();
    gateways.addAll(List.of(first, second));
    simulator.webhookUrls(List.of(first.webhookUrl(), second.webhookUrl()));

    for (int i = 0; i < 10; i++) {
      simulator.settle(create(100 + i, "EUR"), "SUCCEEDED").block(TIMEOUT);
    }

    assertThat(first.deliveries()).hasSize(5);
    assertThat(second.deliveries()).hasSize(5);
    assertThat(simulator.acknowledgedBy())
        .containsEntry(first.webhookUrl(), 5L)
        .containsEntry(second.webhookUrl(), 5L);
  }

  @Test
  void anInstanceThatRefusesTheConnectionIsSkippedForTheNextWithinTheSameAttempt()
      throws Exception {
    String down = FakeGateway.webhookUrl(freePort());
    FakeGateway up = new FakeGateway();
    gateways.add(up);
    simulator.webhookUrls(List.of(down, up.webhookUrl()));
    simulator.deliveryRetries();

    for (int i = 0; i < 6; i++) {
      simulator.settle(create(200 + i, "USD"), "SUCCEEDED").block(TIMEOUT);
    }

    assertThat(up.deliveries()).hasSize(6);
    assertThat(simulator.stats().delivered()).isEqualTo(6);
    assertThat(simulator.stats().retries()).isZero();
    assertThat(simulator.acknowledgedBy())
        .containsEntry(down, 0L)
        .containsEntry(up.webhookUrl(), 6L);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private String create(long amountMinor, String currency) {
    String paymentId = "pay-" + java.util.UUID.randomUUID();
    api.createPayment(paymentId, amountMinor, currency);
    return paymentId;
  }
}
