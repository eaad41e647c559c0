package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.local.chaos.Chaos;
import com.paystream.local.cluster.KafkaTimeouts;
import com.paystream.local.demo.DemoProvider;
import com.paystream.local.scenario.DayScenario;
import com.paystream.local.scenario.DaySummary;
import com.paystream.local.scenario.DisruptionReport;
import com.paystream.local.scenario.ScenarioSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smaller chaos day in cluster mode, by the local stack's own code ({@code run.sh --cluster
 * --chaos}): three broker processes in one quorum, PostgreSQL primary and synchronous standby, two
 * instances of every service; while 150 payments trade, the active controller is killed, then one
 * instance of each service (the relay's leader among them), then a ledger instance is frozen past
 * its group timeouts and let go on, then the PostgreSQL primary is killed. One cluster day carries
 * every cluster assertion: the day passes (every succeeded payment booked exactly once, every lost
 * order recovered, trial balance 0, journal verified), the relay's standby took over within {@link
 * #RELAY_TAKEOVER_BOUND}, the frozen ledger booked nothing twice, webhooks reached both gateways,
 * and both reconciliation instances answer breaks and reports identically.
 */
class ChaosDayIT {

  /** The relay's standby must publish within this of the leader's kill -9 (measured 0.8–1.6 s). */
  static final Duration RELAY_TAKEOVER_BOUND = Duration.ofSeconds(10);

  /** Short group timeouts so that the freeze lasts 20 s. */
  private static final KafkaTimeouts TIMEOUTS =
      new KafkaTimeouts(Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofSeconds(10));

  private static final Chaos.Pacing PACING =
      new Chaos.Pacing(
          Duration.ofSeconds(8),
          Duration.ofSeconds(8),
          Duration.ofSeconds(3),
          Duration.ofSeconds(3),
          Duration.ofMinutes(3));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aClusterDayThatLosesABrokerAnInstanceOfEachServiceAndThePrimaryStillBalances()
      throws Exception {
    try (ReplicatedStack stack = ReplicatedStack.startCluster(TIMEOUTS)) {
      Chaos chaos = new Chaos(stack.chaosTarget(), PACING, System.out, false);
      ScenarioSettings settings =
          new ScenarioSettings(150, 11, 0.08, 0.08, 0.06, 8)
              .withTradingTime(Duration.ofSeconds(140));

      DaySummary summary =
          new DayScenario(stack.dayServices(), stack.provider(), settings, System.out, false, chaos)
              .run();

      String rendered = summary.render();
      System.out.print(rendered);
      assertThat(summary.passed()).as(rendered).isTrue();
      assertThat(summary.lostOrders()).as(rendered).isPositive();
      assertThat(summary.lostOrdersRecovered()).as(rendered).isEqualTo(summary.lostOrders());
      DisruptionReport report = summary.disruption().orElseThrow();
      assertThat(report.faults()).as(rendered).hasSize(4);
      assertThat(report.faults())
          .as(rendered)
          .allSatisfy(fault -> assertThat(fault.recoveredAfter()).isPresent());
      assertThat(report.relayTakeover())
          .as(rendered)
          .hasValueSatisfying(took -> assertThat(took).isLessThan(RELAY_TAKEOVER_BOUND));
      // The frozen ledger was evicted and came back: whatever it had in hand was fenced, and the
      // day's check read every payment's entries back, each booked exactly once.
      assertThat(chaos.seen())
          .as(rendered)
          .containsEntry("evicted", "true")
          .containsKey("fenced-batches");
      assertThat(summary.problems()).as(rendered).isEmpty();
      assertThat(summary.webhooksPerGateway().values())
          .as(rendered)
          .hasSize(2)
          .allSatisfy(count -> assertThat(count).isPositive());
      assertEveryReconciliationInstanceAnswersTheSame(
          stack.instanceUrls("reconciliation"), summary.statementDates());
    }
  }

  /** Breaks and reports of the statement dates, from either instance, are the same. */
  private static void assertEveryReconciliationInstanceAnswersTheSame(
      List<String> instances, List<LocalDate> dates) throws Exception {
    assertThat(instances).hasSize(2);
    List<String> paths =
        new java.util.ArrayList<>(
            List.of("/v1/breaks?limit=1000", "/v1/breaks?outcome=LOST_ORDER&limit=1000"));
    dates.forEach(date -> paths.add("/v1/reports/" + date));
    for (String path : paths) {
      JsonNode first = withoutGeneratedAt(read(instances.get(0) + path));
      JsonNode second = withoutGeneratedAt(read(instances.get(1) + path));
      assertThat(second).as(path + " from both reconciliation instances").isEqualTo(first);
    }
  }

  /** A report made on demand says when: the one thing two answers may differ in. */
  private static JsonNode withoutGeneratedAt(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.remove("generatedAt");
      object.forEach(ChaosDayIT::withoutGeneratedAt);
    } else if (node.isArray()) {
      node.forEach(ChaosDayIT::withoutGeneratedAt);
    }
    return node;
  }

  private static JsonNode read(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("authorization", "Bearer " + DemoProvider.AUDITOR_API_KEY)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
