package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * PostgreSQL lost under a stream of callbacks, on the suite as the local stack runs it (primary,
 * synchronous standby, services as separate processes): first the primary's postmaster killed and
 * restarted by its supervisor (crash recovery), then the primary killed for good and the standby
 * promoted. Either way every callback the gateway acknowledged ends as exactly one journal entry,
 * and the trial balance is 0.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFailoverIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static ReplicatedStack stack;
  private static SuiteClient client;

  @BeforeAll
  static void start() {
    stack = ReplicatedStack.start(null);
    client = new SuiteClient(stack);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void aKilledPostmasterIsRestartedAndReadinessFollowsIt() throws Exception {
    Map<String, Set<String>> readiness = watchReadiness("gateway", "relay", "ledger");
    Set<String> acknowledged;
    try (CallbackStream stream = CallbackStream.start(client, 4, Duration.ofMillis(20))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> stream.acknowledgedSoFar() >= 50);

      stack.killPostmaster("primary");

      // Down while PostgreSQL is gone, up again once the supervisor restarted it.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> readiness.values().stream().allMatch(seen -> seen.contains("DOWN")));
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () -> stack.postgres("primary").isReady() && allReady("gateway", "relay", "ledger"));
      int before = stream.acknowledgedSoFar();
      await().atMost(Duration.ofSeconds(60)).until(() -> stream.acknowledgedSoFar() > before + 50);
      acknowledged = stream.stop();
    } finally {
      stopWatching();
    }
    // Liveness never went down: no service was restarted by the outage.
    for (String service : Set.of("gateway", "relay", "ledger", "reconciliation")) {
      assertThat(status(service, "/actuator/health/liveness")).isEqualTo(200);
    }
    assertBookedExactlyOnce("primary", acknowledged);
  }

  @Test
  @Order(2)
  void losingThePrimaryLosesNothingAcknowledged() throws Exception {
    Set<String> acknowledged;
    try (CallbackStream stream = CallbackStream.start(client, 4, Duration.ofMillis(20))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> stream.acknowledgedSoFar() >= 50);

      stack.postgres("primary").stopRestarting();
      stack.killPostmaster("primary");
      await().atMost(Duration.ofSeconds(30)).until(() -> !stack.postgres("primary").isAlive());
      stack.execute(ReplicatedStack.STANDBY, "select pg_promote(true, 60)");
      // The promoted standby has no standby of its own: commits must not wait for one.
      stack.execute(
          ReplicatedStack.STANDBY,
          "alter system reset synchronous_standby_names",
          "select pg_reload_conf()");

      // The services find the new primary by themselves (multi-host URLs, primary only).
      int before = stream.acknowledgedSoFar();
      await().atMost(Duration.ofSeconds(120)).until(() -> stream.acknowledgedSoFar() > before + 50);
      acknowledged = stream.stop();
    }
    assertBookedExactlyOnce(ReplicatedStack.STANDBY, acknowledged);
  }

  private static void assertBookedExactlyOnce(String server, Set<String> acknowledged)
      throws Exception {
    CallbackStream.ConnectionSource ledger = () -> stack.superuser(server, "ledger");
    Map<String, Integer> entries = CallbackStream.awaitBooked(ledger, acknowledged);
    assertThat(entries).hasSize(acknowledged.size());
    assertThat(entries.values()).allMatch(count -> count == 1);
    assertThat(CallbackStream.imbalanced(CallbackStream.trialBalance(ledger))).isEmpty();
  }

  // Readiness, watched every 100 ms from the kill on: which statuses each service showed.

  private static ScheduledExecutorService watcher;

  private static Map<String, Set<String>> watchReadiness(String... services) {
    Map<String, Set<String>> seen = new ConcurrentHashMap<>();
    watcher = Executors.newSingleThreadScheduledExecutor();
    watcher.scheduleWithFixedDelay(
        () -> {
          for (String service : services) {
            String state = status(service, "/actuator/health/readiness") == 200 ? "UP" : "DOWN";
            seen.computeIfAbsent(service, name -> ConcurrentHashMap.newKeySet()).add(state);
          }
        },
        0,
        100,
        TimeUnit.MILLISECONDS);
    return seen;
  }

  private static void stopWatching() {
    watcher.shutdownNow();
  }

  private static boolean allReady(String... services) {
    for (String service : services) {
      if (status(service, "/actuator/health/readiness") != 200) {
        return false;
      }
    }
    return true;
  }

  private static int status(String service, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
            .timeout(Duration.ofSeconds(3))
            .GET()
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
