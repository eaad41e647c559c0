package com.paystream.recon.flow;

import static com.paystream.recon.support.Records.callback;
import static com.paystream.recon.support.Records.clearingLine;
import static com.paystream.recon.support.Records.paymentEntry;
import static com.paystream.recon.support.Records.statementLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.paystream.recon.matching.BreakIds;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.streams.ReconStores;
import com.paystream.recon.matching.streams.ReconStreams;
import com.paystream.recon.statements.Fixtures;
import com.paystream.recon.support.ReconHttp;
import com.paystream.recon.support.ReconInfrastructure;
import com.paystream.recon.support.TopicReader;
import com.paystream.recon.support.TopicWriter;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.common.PaymentStatus;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.recon.BreakState;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconReport;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.recon.ReportTrigger;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.security.testing.Callers;
import com.paystream.testkit.SharedInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole reconciliation on the real broker and PostgreSQL: statements in three real formats
 * ingested over HTTP, the ledger's cashflow produced as the ledger would, matches and a lost order
 * out; the app restarted with its local state wiped, the lost order still open; the missing booking
 * produced, the break closed; an operator listing open breaks, reading the money at risk and
 * resolving a break with an audited reason, which a second operator approves.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "paystream.recon.lost-order-grace=3s",
      "paystream.recon.punctuate-interval=200ms",
      "paystream.recon.outbox.poll-interval=200ms",
      "paystream.recon.metrics-refresh=300ms",
      // Statements of 2025-03-14 are long overdue by now: give the test's bookings a cutoff that
      // does not pass while it runs, so that only the lost order is judged.
      "paystream.recon.statement-cutoff=36500d",
      // ... and its payments a payout this test never makes (the second leg's NOT_PAID_OUT).
      "paystream.recon.payouts.not-paid-out-after=36500d",
      "paystream.recon.internal-grace=3s",
      "paystream.recon.report.after-statement=1s",
      "paystream.recon.report.statement-poll=500ms"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationFlowIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

  /** Every referenced line of the three fixtures, with its currency and signed amount. */
  private static final List<Booking> BOOKED =
      List.of(
          new Booking("pay-camt-eur-0001", "EUR", 12550, Side.DEBIT),
          new Booking("pay-camt-eur-0002", "EUR", 20000, Side.DEBIT),
          new Booking("pay-camt-eur-0003", "EUR", 13000, Side.DEBIT),
          new Booking("pay-camt-eur-0004", "EUR", 4100, Side.CREDIT),
          new Booking("pay-camt-gbp-0001", "GBP", 199999, Side.DEBIT),
          new Booking("pay-mt-eur-0001", "EUR", 12550, Side.DEBIT),
          new Booking("pay-mt-eur-0002", "EUR", 8000, Side.DEBIT),
          new Booking("pay-mt-eur-0003", "EUR", 2000, Side.CREDIT),
          new Booking("pay-mt-usd-0001", "USD", 250000, Side.DEBIT),
          new Booking("pay-csv-eur-0001", "EUR", 12550, Side.DEBIT),
          new Booking("pay-csv-eur-0002", "EUR", 4999, Side.DEBIT),
          new Booking("pay-csv-eur-0003", "EUR", 1500, Side.CREDIT),
          new Booking("pay-csv-usd-0001", "USD", 100000, Side.DEBIT),
          new Booking("pay-csv-jpy-0001", "JPY", 15800, Side.DEBIT));

  /** In the CSV statement, never booked by the ledger until the end. */
  private static final Booking LOST = new Booking("pay-csv-usd-0002", "USD", 2599, Side.DEBIT);

  record Booking(String reference, String currency, long amountMinor, Side side) {}

  /** Internal reconciliation: a succeeded callback the ledger booked, and one it has not yet. */
  private static final String BOOKED_PAYMENT = "pay-int-ok";

  private static final String UNBOOKED_PAYMENT = "pay-int-late";
  private static final String UNBOOKED_CALLBACK = UUID.randomUUID().toString();

  private static String prefix;
  private static Path stateDir;
  private static ReconTopics topics;
  private static TopicReader<ReconResult> results;
  private static TopicWriter ledger;

  @LocalServerPort int port;
  @Autowired ReconStreams streams;
  @Autowired MeterRegistry meters;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired org.springframework.core.env.Environment environment;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
    prefix = ReconInfrastructure.register(registry, "flow");
    stateDir = Files.createTempDirectory("recon-flow-state");
    registry.add("paystream.recon.state-dir", stateDir::toString);
    topics = new ReconTopics(prefix);
  }

  @BeforeAll
  static void clients() {
    ledger = new TopicWriter();
  }

  @AfterAll
  static void close() {
    ledger.close();
    if (results != null) {
      results.close();
    }
  }

  @Test
  @Order(1)
  void matchesTheBookedLinesOfThreeFormatsAndFlagsTheLostOrder() throws Exception {
    upload("camt053", Fixtures.bytes("camt053-v08-acme-2025-03-14.xml"));
    upload("mt940", Fixtures.bytes("mt940-commerzbank-2025-03-14.sta"));
    upload("csv", Fixtures.bytes("provider-simulator-2025-03-14.csv"));
    HttpResponse<String> malformed =
        send("mt940", Fixtures.bytes("malformed/mt940-unbalanced.sta"));
    assertThat(malformed.statusCode()).as(malformed.body()).isBetween(400, 499);
    String bookedCallback = UUID.randomUUID().toString();
    ledger.send(
        topics.callbacks(),
        BOOKED_PAYMENT,
        callback(BOOKED_PAYMENT, bookedCallback, PaymentStatus.SUCCEEDED, 4200, "EUR"));
    ledger.send(
        topics.entries(),
        BOOKED_PAYMENT,
        paymentEntry(
            BOOKED_PAYMENT, UUID.randomUUID().toString(), bookedCallback, 4200, "EUR", DAY));
    ledger.send(
        topics.callbacks(),
        UNBOOKED_PAYMENT,
        callback(UNBOOKED_PAYMENT, UNBOOKED_CALLBACK, PaymentStatus.SUCCEEDED, 1234, "EUR"));
    long sequence = 0;
    for (Booking booking : BOOKED) {
      produce(booking, "entry-" + booking.reference(), ++sequence);
    }

    results = new TopicReader<>(topics.results().name(), ReconResult.class);
    results.awaitUntil(
        WAIT,
        read ->
            matched(read) >= BOOKED.size()
                && find(read, LOST.reference(), BreakState.OPEN).isPresent()
                && find(read, UNBOOKED_PAYMENT, BreakState.OPEN).isPresent()
                && read.stream().anyMatch(k -> k.value().getOutcome() == ReconOutcome.BOOKED));

    ReconResult lost = find(results.poll(), LOST.reference(), BreakState.OPEN).orElseThrow();
    assertThat(lost.getOutcome()).isEqualTo(ReconOutcome.LOST_ORDER);
    assertThat(lost.getStatementAmountMinor()).isEqualTo(2599L);
    assertThat(lost.getCurrency()).isEqualTo("USD");
    assertThat(lost.getBusinessDate()).isEqualTo(DAY);
    assertThat(lost.getProvider()).isEqualTo("simulator");
    assertThat(matched(results.poll())).isEqualTo(BOOKED.size());
    ReconResult notBooked = find(results.poll(), UNBOOKED_PAYMENT, BreakState.OPEN).orElseThrow();
    assertThat(notBooked.getOutcome()).isEqualTo(ReconOutcome.NOT_BOOKED);
    assertThat(notBooked.getCallbackId()).isEqualTo(UNBOOKED_CALLBACK);
    assertThat(notBooked.getStatementAmountMinor()).isEqualTo(1234L);
    assertThat(notBooked.getInternalAmountMinor()).isNull();
  }

  @Test
  @Order(2)
  void aRestartWithItsLocalStateWipedKeepsTheOpenBreak() throws Exception {
    streams.stop();
    deleteRecursively(stateDir);
    streams.start();

    await()
        .atMost(WAIT)
        .ignoreExceptionsInstanceOf(InvalidStateStoreException.class)
        .until(
            () ->
                streams.state().orElseThrow() == KafkaStreams.State.RUNNING
                    && openBreaks().stream().anyMatch(e -> e.reference().equals(LOST.reference()))
                    && openBreaks().stream().anyMatch(e -> e.reference().equals(UNBOOKED_PAYMENT)));
  }

  @Test
  @Order(3)
  void theMissingBookingClosesTheLostOrder() {
    ReconResult lost = find(results.poll(), LOST.reference(), BreakState.OPEN).orElseThrow();

    produce(LOST, "entry-late", 1000);

    results.awaitUntil(WAIT, read -> find(read, LOST.reference(), BreakState.RESOLVED).isPresent());
    ReconResult closed = find(results.poll(), LOST.reference(), BreakState.RESOLVED).orElseThrow();
    assertThat(closed.getBreakId()).isEqualTo(lost.getBreakId());
    assertThat(closed.getOutcome()).isEqualTo(ReconOutcome.LOST_ORDER);
    assertThat(closed.getResolution()).isEqualTo("LATE_ARRIVAL");
    assertThat(closed.getInternalAmountMinor()).isEqualTo(2599L);
    assertThat(closed.getEntryId()).isEqualTo("entry-late");
    await()
        .atMost(WAIT)
        .ignoreExceptionsInstanceOf(InvalidStateStoreException.class)
        .until(() -> openBreaks().stream().noneMatch(e -> e.reference().equals(LOST.reference())));
  }

  @Test
  @Order(4)
  void theLedgerApplyingTheMissingCallbackClosesTheNotBookedBreak() {
    ReconResult open = find(results.poll(), UNBOOKED_PAYMENT, BreakState.OPEN).orElseThrow();

    ledger.send(
        topics.entries(),
        UNBOOKED_PAYMENT,
        paymentEntry(
            UNBOOKED_PAYMENT, UUID.randomUUID().toString(), UNBOOKED_CALLBACK, 1234, "EUR", DAY));

    results.awaitUntil(WAIT, read -> find(read, UNBOOKED_PAYMENT, BreakState.RESOLVED).isPresent());
    ReconResult closed = find(results.poll(), UNBOOKED_PAYMENT, BreakState.RESOLVED).orElseThrow();
    assertThat(closed.getBreakId()).isEqualTo(open.getBreakId());
    assertThat(closed.getOutcome()).isEqualTo(ReconOutcome.NOT_BOOKED);
    assertThat(closed.getResolution()).isEqualTo("LATE_ARRIVAL");
    assertThat(closed.getInternalAmountMinor()).isEqualTo(1234L);
    await()
        .atMost(WAIT)
        .ignoreExceptionsInstanceOf(InvalidStateStoreException.class)
        .until(() -> openBreaks().stream().noneMatch(e -> e.reference().equals(UNBOOKED_PAYMENT)));
  }

  @Test
  @Order(5)
  void undecodableRecordsAreDeadLetteredWhileMatchingGoesOn() throws Exception {
    ledger.sendRaw(topics.statements().name(), "junk", "not avro".getBytes(StandardCharsets.UTF_8));
    ledger.sendRaw(topics.cashflow().name(), "junk", new byte[] {0, 0, 0, 0x7f, 0x7f, 1});

    try (TopicReader<DeadLetter> letters =
        new TopicReader<>(topics.deadLetters().name(), DeadLetter.class)) {
      List<TopicReader.Keyed<DeadLetter>> read = letters.awaitUntil(WAIT, all -> all.size() >= 2);
      assertThat(read)
          .extracting(k -> k.value().getReasonCode())
          .containsExactlyInAnyOrder("NOT_CONFLUENT_FRAMING", "UNKNOWN_SCHEMA_ID");
      assertThat(read)
          .allSatisfy(k -> assertThat(k.value().getFailedBy()).isEqualTo("reconciliation-svc"));
    }
    assertThat(streams.state()).contains(KafkaStreams.State.RUNNING);
    assertThat(deadLetters("NOT_CONFLUENT_FRAMING", topics.statements().name())).isEqualTo(1.0);
    assertThat(deadLetters("UNKNOWN_SCHEMA_ID", topics.cashflow().name())).isEqualTo(1.0);
    assertThat(get("/actuator/prometheus").body())
        .contains("paystream_dead_letters_total{reason=\"NOT_CONFLUENT_FRAMING\"");
  }

  @Test
  @Order(5)
  void exportsTheStreamsConsumersLagPerInputPartitionAndTheStreamThreadsOwnMetrics()
      throws Exception {
    String statements = topics.statements().name();

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                !meters
                    .find("kafka.consumer.fetch.manager.records.lag")
                    .tag("topic", statements)
                    .tag("partition", "0")
                    .gauges()
                    .isEmpty());
    var lag =
        meters
            .get("kafka.consumer.fetch.manager.records.lag")
            .tag("topic", statements)
            .tag("partition", "0")
            .gauge();
    assertThat(lag.getId().getTag("client.id")).contains("-StreamThread-1-consumer");
    assertThat(lag.value()).isGreaterThanOrEqualTo(0.0);
    assertThat(meters.find("kafka.stream.thread.process.rate").gauges()).isNotEmpty();
    // The stores' RocksDB gauges are exported; their never-recorded rates and latencies are not.
    await()
        .atMost(WAIT)
        .until(() -> !meters.find("kafka.stream.state.size.all.mem.tables").gauges().isEmpty());
    assertThat(meters.find("kafka.stream.state.put.rate").meters()).isEmpty();
    assertThat(meters.find("kafka.stream.record.cache.hit.ratio.avg").meters()).isEmpty();
    assertThat(get("/actuator/prometheus").body())
        .contains("kafka_consumer_fetch_manager_records_lag{")
        .contains("kafka_stream_thread_process_rate{")
        .contains("kafka_stream_state_size_all_mem_tables{")
        .doesNotContain("kafka_stream_state_put_latency_avg{");
  }

  @Test
  @Order(5)
  void countsRefusedStatementFilesByReason() {
    double refused =
        meters
            .find("recon.statement.refusals")
            .tag("reason", "statement-malformed")
            .counters()
            .stream()
            .mapToDouble(Counter::count)
            .sum();

    assertThat(refused).as("the unbalanced MT940 file of the first test").isEqualTo(1.0);
  }

  @Test
  @Order(6)
  void anOperatorSeesTheOpenBreakAndTheMoneyAtRisk() throws Exception {
    ledger.send(
        topics.statements(),
        "OPS/1",
        statementLine("OPS", "1", "pay-ops-0001", Side.CREDIT, 777_00, "CHF", DAY));

    await()
        .atMost(WAIT)
        .until(
            () ->
                get("/v1/breaks?outcome=LOST_ORDER&currency=CHF").body().contains("pay-ops-0001"));
    HttpResponse<String> listed = get("/v1/breaks?reference=pay-ops-0001");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body())
        .contains("\"breakId\":\"" + BreakIds.of("pay-ops-0001:1") + "\"")
        .contains("\"atRiskMinor\":77700")
        .contains("\"businessDate\":\"2025-03-14\"");
    await()
        .atMost(WAIT)
        .until(
            () ->
                get("/actuator/prometheus")
                    .body()
                    .contains(
                        "recon_money_at_risk_minor{currency=\"CHF\",service=\"reconciliation-svc\"} 77700"));
    assertThat(get("/v1/breaks?outcome=NOPE").statusCode()).isEqualTo(400);
    assertThat(get("/v1/breaks/" + BreakIds.of("pay-ops-0001:1")).body())
        .contains("\"currency\":\"CHF\"");
    assertThat(get("/v1/breaks/" + BreakIds.of("pay-nobody:1")).statusCode()).isEqualTo(404);
  }

  @Test
  @Order(7)
  void anOperatorResolvesTheBreakAndASecondOperatorApproves() throws Exception {
    assertThat(resolve(BreakIds.of("pay-ops-0001:1"), "{}").statusCode()).isEqualTo(400);
    assertThat(
            resolve(
                    BreakIds.of("pay-ops-0001:1"),
                    "{\"reason\":\"x-y-z\",\"resolvedBy\":\"alice\"}")
                .statusCode())
        .as("the resolver comes from the credentials, never from the body")
        .isEqualTo(400);
    assertThat(resolve(BreakIds.of("pay-nobody:1"), "{\"reason\":\"x-y-z\"}").statusCode())
        .isEqualTo(404);

    HttpResponse<String> requested =
        resolve(
            BreakIds.of("pay-ops-0001:1"),
            "{\"reason\":\"customer paid twice, refunded by bank, ticket OPS-42\"}");
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    JsonNode approval = JSON.readTree(requested.body());
    assertThat(approval.get("state").asString()).isEqualTo("PENDING");
    assertThat(approval.get("requestedBy").asString()).isEqualTo("operator:olga");
    String approvalId = approval.get("approvalId").asString();
    assertThat(requested.headers().firstValue("Location")).hasValue("/v1/approvals/" + approvalId);
    assertThat(decide(approvalId, Callers.OPERATOR).statusCode())
        .as("the requester cannot approve it")
        .isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from break_resolution", Integer.class))
        .isZero();

    HttpResponse<String> approved = decide(approvalId, Callers.OPERATOR2);
    HttpResponse<String> again =
        resolve(BreakIds.of("pay-ops-0001:1"), "{\"reason\":\"second try\"}");

    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(JSON.readTree(approved.body()).get("approval").get("state").asString())
        .isEqualTo("APPROVED");
    assertThat(again.statusCode()).isIn(404, 409);
    assertThat(decide(approvalId, Callers.OPERATOR2).statusCode()).isEqualTo(409);
    results.awaitUntil(
        WAIT,
        read ->
            read.stream()
                .anyMatch(
                    k ->
                        k.value().getBreakId().equals(BreakIds.of("pay-ops-0001:1"))
                            && k.value().getState() == BreakState.RESOLVED));
    ReconResult resolved =
        results.values().stream()
            .filter(
                r ->
                    r.getBreakId().equals(BreakIds.of("pay-ops-0001:1"))
                        && r.getState() == BreakState.RESOLVED)
            .findFirst()
            .orElseThrow();
    assertThat(resolved.getResolution())
        .isEqualTo(
            "MANUAL: customer paid twice, refunded by bank, ticket OPS-42"
                + " (requested by operator:olga, approved by operator:oscar)");
    assertThat(
            jdbc.queryForList(
                "select resolved_by || '/' || approved_by from break_resolution where break_id = ?",
                String.class,
                BreakIds.of("pay-ops-0001:1")))
        .containsExactly("operator:olga/operator:oscar");
    // The service's role may not even try; the owner, which may, meets the triggers.
    assertThatThrownBy(() -> jdbc.update("update break_resolution set reason = 'edited'"))
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbc.update("delete from break_resolution"))
        .rootCause()
        .hasMessageContaining("permission denied");
    var owner = ReconInfrastructure.asOwner(environment);
    assertThatThrownBy(() -> owner.update("update break_resolution set reason = 'edited'"))
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> owner.update("delete from break_resolution"))
        .rootCause()
        .hasMessageContaining("append-only");
    await()
        .atMost(WAIT)
        .until(() -> get("/v1/breaks/" + BreakIds.of("pay-ops-0001:1")).statusCode() == 404);
  }

  @Test
  @Order(8)
  void reportsPerBusinessDateAreServedAndPublished() throws Exception {
    HttpResponse<String> served = get("/v1/reports/2025-03-14?currency=EUR");
    assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
    JsonNode eur = JSON.readTree(served.body()).get(0);
    assertThat(eur.get("currency").asString()).isEqualTo("EUR");
    assertThat(eur.get("outcomes").get("MATCHED").get("count").asLong()).isEqualTo(10);
    assertThat(eur.get("outcomes").get("BOOKED").get("count").asLong()).isEqualTo(2);
    assertThat(eur.get("outcomes").get("BOOKED").get("amountMinor").asLong()).isEqualTo(5434);
    HttpResponse<String> chf = get("/v1/reports/2025-03-14?currency=CHF");
    JsonNode chfReport = JSON.readTree(chf.body()).get(0);
    assertThat(chfReport.get("outcomes").get("LOST_ORDER").get("count").asLong()).isEqualTo(1);
    assertThat(chfReport.get("openBreaks").asLong()).isZero();
    assertThat(get("/v1/reports/not-a-date").statusCode()).isEqualTo(400);

    HttpResponse<String> published = post("/v1/reports/2025-03-14");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

    try (KafkaConsumer<String, ReconReport> reports = reportsConsumer()) {
      List<ConsumerRecord<String, ReconReport>> read = new ArrayList<>();
      await()
          .atMost(WAIT)
          .until(
              () -> {
                reports.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.stream()
                        .anyMatch(r -> r.value().getTrigger() == ReportTrigger.ON_DEMAND)
                    && read.stream()
                        .anyMatch(r -> r.value().getTrigger() == ReportTrigger.STATEMENT);
              });
      assertThat(read).extracting(ConsumerRecord::key).contains("2025-03-14|EUR", "2025-03-14|JPY");
      ReconReport onDemandEur =
          read.stream()
              .filter(r -> r.key().equals("2025-03-14|EUR"))
              .map(ConsumerRecord::value)
              .filter(r -> r.getTrigger() == ReportTrigger.ON_DEMAND)
              .findFirst()
              .orElseThrow();
      assertThat(onDemandEur.getBusinessDate()).isEqualTo(LocalDate.of(2025, 3, 14));
      assertThat(onDemandEur.getOutcomes().get("MATCHED").getCount()).isEqualTo(10);
      assertThat(onDemandEur.getOutcomes().get("BOOKED").getAmountMinor()).isEqualTo(5434);
    }
  }

  /** Reads the reports topic from the start, as any downstream reader of the contract would. */
  private KafkaConsumer<String, ReconReport> reportsConsumer() {
    KafkaConsumer<String, ReconReport> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafka().bootstrapServers()),
            new StringDeserializer(),
            topics.reports().valueSerde(Map.of(AvroSerdeConfig.REGISTRY_URL, "")).deserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topics.reports().name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private HttpResponse<String> post(String path) throws Exception {
    return new ReconHttp(port).post(path, Callers.OPERATOR, null);
  }

  private double deadLetters(String reason, String topic) {
    Counter counter =
        meters.find("paystream.dead.letters").tag("reason", reason).tag("topic", topic).counter();
    return counter == null ? 0 : counter.count();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return new ReconHttp(port).get(path, Callers.OPERATOR);
  }

  private HttpResponse<String> resolve(String breakId, String json) throws Exception {
    return new ReconHttp(port)
        .post("/v1/breaks/" + breakId + "/resolution", Callers.OPERATOR, json);
  }

  private HttpResponse<String> decide(String approvalId, String token) throws Exception {
    return new ReconHttp(port).post("/v1/approvals/" + approvalId + "/approve", token, null);
  }

  // --- helpers --------------------------------------------------------------------------------

  private void produce(Booking booking, String entryId, long sequence) {
    CashflowLine line =
        clearingLine(
            booking.reference(),
            entryId,
            sequence,
            booking.side() == Side.DEBIT ? EntryType.PAYMENT : EntryType.REFUND,
            booking.side(),
            booking.amountMinor(),
            booking.currency(),
            DAY);
    ledger.send(topics.cashflow(), line.getAccountId(), line);
  }

  private void upload(String format, byte[] content) throws Exception {
    HttpResponse<String> response = send(format, content);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private HttpResponse<String> send(String format, byte[] content) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v1/statements?format=" + format))
            .header("Authorization", "Bearer " + Callers.OPERATOR)
            .POST(HttpRequest.BodyPublishers.ofByteArray(content))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<ReconEvent> openBreaks() {
    List<ReconEvent> open = new ArrayList<>();
    for (String name : ReconStores.ALL_OPEN_BREAKS) {
      ReadOnlyKeyValueStore<String, ReconEvent> store = streams.store(name);
      try (var all = store.all()) {
        all.forEachRemaining(kv -> open.add(kv.value));
      }
    }
    return open;
  }

  private static long matched(List<TopicReader.Keyed<ReconResult>> read) {
    return read.stream().filter(k -> k.value().getOutcome() == ReconOutcome.MATCHED).count();
  }

  private static Optional<ReconResult> find(
      List<TopicReader.Keyed<ReconResult>> read, String reference, BreakState state) {
    return read.stream()
        .map(TopicReader.Keyed::value)
        .filter(r -> r.getPaymentReference().equals(reference) && r.getState() == state)
        .filter(r -> r.getOutcome() != ReconOutcome.MATCHED)
        .filter(r -> r.getOutcome() != ReconOutcome.BOOKED)
        .findFirst();
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(root)) {
          Files.delete(p);
        }
      }
    }
  }
}
