package com.paystream.gateway.statusquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.gateway.providers.ProviderPaymentRequest;
import com.paystream.gateway.providers.http.RestProviderClient;
import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.SimulatedProvider;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.recon.BreakState;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.TopicCatalogue;
import com.paystream.schemas.topics.Topics;
import com.paystream.security.ApiKeyToken;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.StandardWebhookSigner;
import com.paystream.simulator.WebhookFaults;
import com.paystream.testkit.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A LOST_ORDER on a real {@code recon.results.v1} topic (the test kit's broker) makes the gateway
 * ask the provider at once. The schedule's threshold is an hour here, so only the trigger can
 * explain a query.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LostOrderTriggerIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_lost_orders");
  private static final String WEBHOOK_SECRET = StandardWebhookSigner.newSecret();
  private static final ProviderSimulator SIMULATOR = new ProviderSimulator(WEBHOOK_SECRET, 13);
  private static final ApiKeys KEYS = new ApiKeys();
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String PREFIX = SharedInfrastructure.uniqueName("gw_lost_orders") + ".";
  private static final Topic<ReconResult> RESULTS = Topics.RECON_RESULTS.withPrefix(PREFIX);
  private static final KafkaProducer<String, byte[]> PRODUCER;
  private static final Serializer<ReconResult> SERIALIZER =
      Topics.RECON_RESULTS.valueSerde(AvroSerdeConfig.registry(Map.of())).serializer();
  private static ApiKeyToken.Issued merchant;

  static {
    String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicCatalogue.ensureCreated(admin, (short) 1, List.of(RESULTS));
    }
    PRODUCER =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    registry.add("spring.kafka.bootstrap-servers", SharedInfrastructure.kafka()::bootstrapServers);
    registry.add("paystream.topics.prefix", () -> PREFIX);
    SimulatedProvider.register(registry, WEBHOOK_SECRET, SIMULATOR);
    registry.add("paystream.status-queries.threshold", () -> "1h");
    registry.add("paystream.status-queries.poll-interval", () -> "1h");
    registry.add("paystream.status-queries.lease", () -> "1h");
    merchant = KEYS.merchant(registry, "m-lost");
  }

  @AfterAll
  static void stop() {
    SIMULATOR.close();
    PRODUCER.close(Duration.ofSeconds(5));
  }

  @LocalServerPort int port;

  @Autowired MeterRegistry meters;

  private WebTestClient client;

  @BeforeEach
  void setUp() {
    client = SimulatedProvider.connect(port, SIMULATOR);
    // Every webhook is lost: only a status query can tell the gateway.
    SIMULATOR.faults(new WebhookFaults(1.0, 0, 0, Duration.ZERO));
  }

  private String paidButNeverHeardOf() {
    byte[] body =
        client
            .post()
            .uri("/v1/payments")
            .header("Authorization", "Bearer " + merchant.token())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"amount_minor\":4200,\"currency\":\"EUR\",\"provider\":\"simulator\"}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody();
    String paymentId = JsonMapper.builder().build().readTree(body).get("payment_id").stringValue();
    SIMULATOR.settle(paymentId, "SUCCEEDED").block(DEADLINE);
    return paymentId;
  }

  private static ReconResult lostOrder(String paymentId, UUID eventId, String provider) {
    Instant now = Instant.now();
    return ReconResult.newBuilder()
        .setEnvelope(
            Envelope.newBuilder()
                .setEventId(eventId)
                .setCausationId("statement-line-1")
                .setOccurredAt(now)
                .setRecordedAt(now)
                .setTraceId("")
                .build())
        .setBreakId("break-" + paymentId)
        .setPaymentReference(paymentId)
        .setOutcome(ReconOutcome.LOST_ORDER)
        .setState(BreakState.OPEN)
        .setBusinessDate(LocalDate.now())
        .setCurrency("EUR")
        .setStatementAmountMinor(4200L)
        .setStatementLineId("SIM-1/0001")
        .setProvider(provider)
        .build();
  }

  private static void publish(String key, byte[] value) throws Exception {
    PRODUCER.send(new ProducerRecord<>(RESULTS.name(), key, value)).get();
  }

  private static void publish(ReconResult result) throws Exception {
    publish(result.getPaymentReference(), SERIALIZER.serialize(RESULTS.name(), result));
  }

  private String status(String paymentId) {
    List<Map<String, Object>> rows =
        DB.rows("select status from payment where payment_id = ?", paymentId);
    return rows.isEmpty() ? "" : (String) rows.get(0).get("status");
  }

  private long statusQueryCallbacks(String paymentId) {
    return DB.count(
        "select count(*) from callback_inbox where payment_id = ? and source = 'STATUS_QUERY'",
        paymentId);
  }

  private double triggers(String result) {
    String metrics =
        client
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    String name = "paystream_status_queries_lost_order_triggers_total{result=\"" + result + "\"";
    return metrics
        .lines()
        .filter(line -> line.startsWith(name))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void aLostOrderOnTheTopicTriggersAnImmediateStatusQuery() throws Exception {
    String paymentId = paidButNeverHeardOf();
    int queriesBefore = SIMULATOR.statusQueries();

    publish(lostOrder(paymentId, UUID.randomUUID(), "simulator"));

    await().atMost(DEADLINE).until(() -> status(paymentId).equals("SUCCEEDED"));
    assertThat(SIMULATOR.statusQueries()).isGreaterThan(queriesBefore);
    assertThat(statusQueryCallbacks(paymentId)).isEqualTo(1);
    assertThat(
            DB.count(
                "select count(*) from outbox where message_key = ?"
                    + " and topic not like '%audit.events.v1'",
                paymentId))
        .isEqualTo(1);
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                "DONE"
                    .equals(
                        DB.rows(
                                "select state from status_query_schedule where payment_id = ?",
                                paymentId)
                            .get(0)
                            .get("state")));
  }

  @Test
  void theStatusQueryOfALostOrderContinuesTheResultsTrace(CapturedOutput output) throws Exception {
    String paymentId = paidButNeverHeardOf();
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    ReconResult result = lostOrder(paymentId, UUID.randomUUID(), "simulator");
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            RESULTS.name(), paymentId, SERIALIZER.serialize(RESULTS.name(), result));
    record
        .headers()
        .add(
            TraceParent.HEADER,
            ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));
    PRODUCER.send(record).get();

    await().atMost(DEADLINE).until(() -> statusQueryCallbacks(paymentId) == 1);
    Map<String, Object> callback =
        DB.rows(
                "select i.trace_id, o.span_id from callback_inbox i join outbox o"
                    + " on o.message_id = i.callback_id"
                    + " where i.payment_id = ? and i.source = 'STATUS_QUERY'",
                paymentId)
            .get(0);
    assertThat(callback).containsEntry("trace_id", traceId);
    assertThat(TraceParent.validSpanId((String) callback.get("span_id"))).isTrue();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(trailLines(output, paymentId))
                    .anySatisfy(line -> assertThat(line).contains("status query"))
                    .anySatisfy(line -> assertThat(line).contains("recon result acted upon"))
                    .allSatisfy(line -> assertThat(line).contains("\"trace_id\":\"" + traceId)));
    // What the result did, in words: logged where the result's trace is held, not on the
    // database's threads, which do not hold it.
    assertThat(
            output
                .getOut()
                .lines()
                .filter(l -> l.contains(paymentId) && l.contains("its status query is due now")))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("\"trace_id\":\"" + traceId));
  }

  private static List<String> trailLines(CapturedOutput output, String paymentId) {
    return output
        .getOut()
        .lines()
        .filter(l -> l.contains("\"paystream.trail\"") && l.contains(paymentId))
        .toList();
  }

  @Test
  void theSameLostOrderDeliveredTwiceAsksNothingNew() throws Exception {
    String paymentId = paidButNeverHeardOf();
    ReconResult result = lostOrder(paymentId, UUID.randomUUID(), "simulator");
    publish(result);
    await().atMost(DEADLINE).until(() -> status(paymentId).equals("SUCCEEDED"));
    double repeatedBefore = triggers("repeated");

    publish(result);

    await().atMost(DEADLINE).until(() -> triggers("repeated") > repeatedBefore);
    assertThat(statusQueryCallbacks(paymentId)).isEqualTo(1);
  }

  @Test
  void aLostOrderOfAPaymentTheGatewayNeverSawSchedulesNothing() throws Exception {
    String paymentId = "pay-" + UUID.randomUUID();
    RestProviderClient provider =
        new RestProviderClient(
            WebClient.builder().baseUrl(SIMULATOR.baseUrl()).build(),
            "simulator",
            Duration.ofSeconds(5));
    provider
        .createPayment(
            new ProviderPaymentRequest(
                new PaymentId(paymentId),
                new MerchantId("m-lost"),
                Money.of(4200, "EUR"),
                Optional.empty()))
        .block(DEADLINE);
    SIMULATOR.settle(paymentId, "SUCCEEDED").block(DEADLINE);
    double unknownBefore = triggers("unknown-payment");

    publish(lostOrder(paymentId, UUID.randomUUID(), "simulator"));
    publish(lostOrder("EUR-E2E-001", UUID.randomUUID(), null));

    await().atMost(DEADLINE).until(() -> triggers("unknown-payment") >= unknownBefore + 2);
    assertThat(
            DB.count(
                "select count(*) from status_query_schedule where payment_id in (?, 'EUR-E2E-001')",
                paymentId))
        .isZero();
    assertThat(DB.count("select count(*) from payment where payment_id = ?", paymentId)).isZero();
  }

  @Test
  void aResolvedBreakEndsTheScheduleItStarted() throws Exception {
    String paymentId = createdButNotPaid();
    publish(lostOrder(paymentId, UUID.randomUUID(), "simulator"));
    // The provider still says the payment is open: the schedule stays active, next query in 1h.
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                DB.count(
                        "select count(*) from status_query_schedule where payment_id = ?"
                            + " and state = 'ACTIVE' and attempts >= 1",
                        paymentId)
                    == 1);

    ReconResult resolved =
        ReconResult.newBuilder(lostOrder(paymentId, UUID.randomUUID(), "simulator"))
            .setState(BreakState.RESOLVED)
            .setResolution("MANUAL")
            .build();
    publish(resolved);

    await()
        .atMost(DEADLINE)
        .until(
            () ->
                DB.count(
                        "select count(*) from status_query_schedule where payment_id = ?"
                            + " and state = 'DONE' and last_outcome = 'BREAK_RESOLVED'",
                        paymentId)
                    == 1);
  }

  private String createdButNotPaid() {
    byte[] body =
        client
            .post()
            .uri("/v1/payments")
            .header("Authorization", "Bearer " + merchant.token())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"amount_minor\":4200,\"currency\":\"EUR\",\"provider\":\"simulator\"}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody();
    return JsonMapper.builder().build().readTree(body).get("payment_id").stringValue();
  }

  @Test
  void aGarbageRecordIsSkippedAndTheNextOneIsStillHandled() throws Exception {
    String paymentId = paidButNeverHeardOf();
    double skippedBefore = triggers("skipped");

    // Same key, so the same partition: the garbage comes first and must not block what follows.
    publish(paymentId, "not avro at all".getBytes(StandardCharsets.UTF_8));
    publish(paymentId, new byte[] {0, 0, 0, 0x7f, 0x7f, 1, 2, 3});
    publish(lostOrder(paymentId, UUID.randomUUID(), "simulator"));

    await().atMost(DEADLINE).until(() -> status(paymentId).equals("SUCCEEDED"));
    assertThat(triggers("skipped")).isGreaterThanOrEqualTo(skippedBefore + 2);
    assertThat(statusQueryCallbacks(paymentId)).isEqualTo(1);
  }

  @Test
  void theResultsConsumerExportsItsLag() throws Exception {
    String paymentId = paidButNeverHeardOf();
    publish(lostOrder(paymentId, UUID.randomUUID(), "simulator"));

    await().atMost(DEADLINE).until(() -> status(paymentId).equals("SUCCEEDED"));
    // Per partition of recon.results.v1 (the sum over partitions is the group's lag).
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                meters
                    .find("kafka.consumer.fetch.manager.records.lag")
                    .tag("topic", RESULTS.name())
                    .gauges()
                    .stream()
                    .anyMatch(g -> !Double.isNaN(g.value())));
  }
}
