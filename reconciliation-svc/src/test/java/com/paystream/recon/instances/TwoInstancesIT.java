package com.paystream.recon.instances;

import static com.paystream.recon.support.Records.clearingLine;
import static com.paystream.recon.support.Records.statementLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.recon.ReconciliationApplication;
import com.paystream.recon.matching.streams.ReconStreams;
import com.paystream.recon.support.ReconInfrastructure;
import com.paystream.recon.support.TopicWriter;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.statements.StatementLineKind;
import com.paystream.security.testing.Callers;
import com.paystream.testkit.outage.HttpProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two reconciliation instances of one application id on the shared real broker and PostgreSQL, each
 * with its own port and state directory, the partitions split between them: either answers breaks,
 * a break and the reports of a date for the whole, and the same; each alone ({@code scope=local})
 * holds only a part. A break held by one is resolved through the other, four eyes and audit applied
 * once, by the holder. When one leaves, the other answers 503 or the whole, never a part.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
  private static final int LOST = 24;
  private static final int MATCHED = 12;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final Map<String, Object> shared = new HashMap<>();

  /** Breaks resolved by a test: the last test counts what is still open. */
  private static int resolved;

  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static HttpProbe a;
  private static HttpProbe b;

  @BeforeAll
  static void startBothAndFeedThem() throws IOException {
    String prefix =
        ReconInfrastructure.register((name, value) -> shared.put(name, value.get()), "two");
    first = start(freePort());
    a = new HttpProbe(port(first));
    await().atMost(SETTLE).until(() -> a.status("/actuator/health/readiness") == 200);
    feed(new ReconTopics(prefix));
    second = start(freePort());
    b = new HttpProbe(port(second));
    await()
        .atMost(SETTLE)
        .ignoreExceptions()
        .until(
            () ->
                b.status("/actuator/health/readiness") == 200
                    && splitBetweenBoth()
                    && breaks(a, "?limit=1000").size() == LOST);
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  void eitherInstanceListsEveryOpenBreakAndEachHoldsOnlyAPart() {
    List<JsonNode> fromA = breaks(a, "?limit=1000");
    List<JsonNode> fromB = breaks(b, "?limit=1000");
    List<JsonNode> localA = breaks(a, "?limit=1000&scope=local");
    List<JsonNode> localB = breaks(b, "?limit=1000&scope=local");

    assertThat(fromA).isEqualTo(fromB).hasSize(LOST);
    assertThat(fromA)
        .allSatisfy(leg -> assertThat(leg.get("outcome").asString()).isEqualTo("LOST_ORDER"));
    assertThat(references(fromA)).isEqualTo(lostReferences());
    assertThat(localA).isNotEmpty().hasSizeLessThan(LOST);
    assertThat(localB).isNotEmpty().hasSizeLessThan(LOST);
    List<JsonNode> parts = new ArrayList<>(localA);
    parts.addAll(localB);
    assertThat(parts).containsExactlyInAnyOrderElementsOf(fromA);
  }

  @Test
  void aPageIsTheWholesFirstLegsNotOneInstances() {
    List<JsonNode> whole = breaks(a, "?limit=1000");

    assertThat(breaks(a, "?limit=5")).isEqualTo(whole.subList(0, 5));
    assertThat(breaks(b, "?limit=5")).isEqualTo(whole.subList(0, 5));
  }

  @Test
  void aBreakHeldByTheOtherInstanceIsAnsweredByEither() {
    JsonNode elsewhere = breaks(b, "?limit=1000&scope=local").get(0);
    String path = "/v1/breaks/" + elsewhere.get("breakId").asString();

    HttpResponse<String> fromA = a.get(path, Callers.AUDITOR);
    HttpResponse<String> fromB = b.get(path, Callers.AUDITOR);

    assertThat(fromA.statusCode()).as(fromA.body()).isEqualTo(200);
    assertThat(JSON.readTree(fromA.body())).isEqualTo(JSON.readTree(fromB.body()));
    assertThat(JSON.readTree(fromA.body()).get(0)).isEqualTo(elsewhere);
    assertThat(a.get(path + "?scope=local", Callers.AUDITOR).body()).isEqualTo("[]");
    assertThat(a.get("/v1/breaks/brk_notopen", Callers.AUDITOR).statusCode()).isEqualTo(404);
  }

  @Test
  void eitherInstanceReportsTheDateForTheWhole() {
    JsonNode fromA = report(a, "");
    JsonNode fromB = report(b, "");
    JsonNode localA = report(a, "?scope=local");
    JsonNode localB = report(b, "?scope=local");

    assertThat(withoutTime(fromA)).isEqualTo(withoutTime(fromB));
    assertThat(count(fromA, "LOST_ORDER")).isEqualTo(LOST);
    assertThat(count(fromA, "MATCHED")).isEqualTo(MATCHED);
    assertThat(fromA.get("openBreaks").asLong()).isEqualTo(LOST);
    assertThat(fromA.get("moneyAtRiskMinor").asLong()).isEqualTo(LOST * 1000L);
    assertThat(count(localA, "LOST_ORDER")).isLessThan(LOST);
    assertThat(count(localA, "LOST_ORDER") + count(localB, "LOST_ORDER")).isEqualTo(LOST);
    assertThat(count(localA, "MATCHED") + count(localB, "MATCHED")).isEqualTo(MATCHED);
  }

  @Test
  void refusesAnUnknownScope() {
    assertThat(a.get("/v1/breaks?scope=everything", Callers.AUDITOR).statusCode()).isEqualTo(400);
  }

  /** After the reads of the whole (it closes a break), before the second instance stops. */
  @Test
  @Order(Integer.MAX_VALUE - 1)
  void aBreakHeldByOneInstanceIsResolvedThroughTheOtherWithFourEyesAppliedOnceByTheHolder() {
    String breakId = breaks(a, "?limit=1000&scope=local").get(0).get("breakId").asString();
    String path = "/v1/breaks/" + breakId;
    assertThat(b.get(path + "?scope=local", Callers.AUDITOR).body()).isEqualTo("[]");

    HttpResponse<String> requested =
        post(
            second,
            path + "/resolution",
            "{\"reason\":\"bank confirmed\"}",
            Callers.OPERATOR,
            "two-req");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    String approvalId = JSON.readTree(requested.body()).get("approvalId").asString();
    assertThat(requested.headers().firstValue("Location")).hasValue("/v1/approvals/" + approvalId);
    HttpResponse<String> self =
        post(
            second, "/v1/approvals/" + approvalId + "/approve", "{}", Callers.OPERATOR, "two-self");
    HttpResponse<String> approved =
        post(second, "/v1/approvals/" + approvalId + "/approve", "{}", Callers.OPERATOR2, "two-ok");
    resolved++;

    assertThat(self.statusCode()).as(self.body()).isEqualTo(403);
    assertThat(JSON.readTree(self.body()).get("reason").asString()).isEqualTo("self-approval");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(approved.body()).get("result");
    assertThat(result.get("resolvedBy").asString()).isEqualTo("operator:olga");
    assertThat(result.get("approvedBy").asString()).isEqualTo("operator:oscar");
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                a.get(path, Callers.AUDITOR).statusCode() == 404
                    && b.get(path, Callers.AUDITOR).statusCode() == 404);
    JdbcTemplate db = first.getBean(JdbcTemplate.class);
    assertThat(
            db.queryForList(
                "select resolved_by || '/' || approved_by from break_resolution where break_id = ?",
                String.class,
                breakId))
        .containsExactly("operator:olga/operator:oscar");
    assertThat(
            db.queryForList(
                "select outcome from audit_record where target = ? order by seq",
                String.class,
                breakId))
        .containsExactly("REQUESTED", "APPROVED");
    assertThat(
            db.queryForList(
                "select outcome || ' ' || request_id from audit_record"
                    + " where request_id in ('two-req', 'two-self', 'two-ok') order by seq",
                String.class))
        .as("one record per act, by the holder, under the caller's request id")
        .containsExactly("REQUESTED two-req", "REFUSED two-self");
  }

  /** Last: stops the second instance. */
  @Test
  @Order(Integer.MAX_VALUE)
  void whenOneInstanceLeavesTheOtherAnswersTheWholeOr503NeverAPart() {
    second.close();
    second = null;
    Set<Integer> seen = new HashSet<>();
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              HttpResponse<String> answer = a.get("/v1/breaks?limit=1000", Callers.AUDITOR);
              seen.add(answer.statusCode());
              if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(JSON.readTree(answer.body()).get("type").asString())
                    .endsWith("reconciliation-rebalancing");
                return false;
              }
              assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
              assertThat(JSON.readTree(answer.body())).hasSize(LOST - resolved);
              return breaks(a, "?limit=1000&scope=local").size() == LOST - resolved;
            });
    assertThat(seen).isSubsetOf(200, 503);
  }

  // --- the instances --------------------------------------------------------------------------

  private static ConfigurableApplicationContext start(int port) throws IOException {
    Map<String, Object> properties = new HashMap<>(shared);
    properties.put("server.port", port);
    properties.put("paystream.recon.application-server", "127.0.0.1:" + port);
    properties.put(
        "paystream.recon.state-dir", Files.createTempDirectory("recon-two-" + port).toString());
    properties.put("paystream.recon.lost-order-grace", "2s");
    properties.put("paystream.recon.punctuate-interval", "200ms");
    // Statements of 2025-03-14 are long overdue: only lost orders and matches are judged.
    properties.put("paystream.recon.statement-cutoff", "36500d");
    // ... and its bookings a payout it never makes (the second leg's NOT_PAID_OUT).
    properties.put("paystream.recon.payouts.not-paid-out-after", "36500d");
    properties.put("paystream.recon.commit-interval", "50ms");
    properties.put("paystream.recon.outbox.poll-interval", "200ms");
    // As arguments, above application.yml (builder properties are only defaults).
    return new SpringApplicationBuilder(ReconciliationApplication.class)
        .run(
            properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("server.port", Integer.class);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Both instances run partitions, each knowing the other. */
  private static boolean splitBetweenBoth() {
    try {
      return first.getBean(ReconStreams.class).instances().others().size() == 1
          && second.getBean(ReconStreams.class).instances().others().size() == 1;
    } catch (RuntimeException notRunning) {
      return false;
    }
  }

  // --- the input ------------------------------------------------------------------------------

  /** Lost orders (statement lines the ledger never booked) and matches, over many references. */
  private static void feed(ReconTopics topics) {
    try (TopicWriter writer = new TopicWriter()) {
      for (String reference : lostReferences()) {
        writer.send(
            topics.statements(),
            "S-TWO/" + reference,
            statementLine(
                "S-TWO",
                reference,
                reference,
                StatementLineKind.PAYMENT,
                Side.CREDIT,
                1000,
                "EUR",
                DAY));
      }
      for (int i = 0; i < MATCHED; i++) {
        String reference = "pay-two-match-%02d".formatted(i);
        writer.send(
            topics.statements(),
            "S-TWO/" + reference,
            statementLine(
                "S-TWO",
                reference,
                reference,
                StatementLineKind.PAYMENT,
                Side.CREDIT,
                500,
                "EUR",
                DAY));
        CashflowLine booked =
            clearingLine(
                reference,
                "entry-" + reference,
                i + 1,
                EntryType.PAYMENT,
                Side.DEBIT,
                500,
                "EUR",
                DAY);
        writer.send(topics.cashflow(), booked.getAccountId(), booked);
      }
    }
  }

  private static Set<String> lostReferences() {
    Set<String> references = new HashSet<>();
    for (int i = 0; i < LOST; i++) {
      references.add("pay-two-lost-%02d".formatted(i));
    }
    return references;
  }

  // --- reading and acting ---------------------------------------------------------------------

  private static HttpResponse<String> post(
      ConfigurableApplicationContext instance, String path, String body, String token, String id) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(instance) + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .header("X-Request-Id", id)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> breaks(HttpProbe instance, String query) {
    HttpResponse<String> answer = instance.get("/v1/breaks" + query, Callers.AUDITOR);
    if (answer.statusCode() != 200) {
      throw new AssertionError(
          "GET /v1/breaks" + query + ": " + answer.statusCode() + " " + answer.body());
    }
    List<JsonNode> legs = new ArrayList<>();
    JSON.readTree(answer.body()).forEach(legs::add);
    return legs;
  }

  private static JsonNode report(HttpProbe instance, String query) {
    HttpResponse<String> answer = instance.get("/v1/reports/" + DAY + query, Callers.AUDITOR);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode reports = JSON.readTree(answer.body());
    assertThat(reports).hasSize(1);
    return reports.get(0);
  }

  private static Set<String> references(List<JsonNode> legs) {
    Set<String> references = new HashSet<>();
    legs.forEach(leg -> references.add(leg.get("paymentReference").asString()));
    return references;
  }

  private static long count(JsonNode report, String outcome) {
    JsonNode figures = report.get("outcomes").get(outcome);
    return figures == null ? 0 : figures.get("count").asLong();
  }

  private static JsonNode withoutTime(JsonNode report) {
    return ((tools.jackson.databind.node.ObjectNode) report.deepCopy()).without("generatedAt");
  }
}
