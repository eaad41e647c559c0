package com.paystream.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.relay.support.GatewayOutbox;
import com.paystream.relay.support.GatewayOutbox.Recorded;
import com.paystream.relay.support.TopicReader;
import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.EntryOutcome;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.ledger.SourceType;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.schemas.topics.Topics;
import com.paystream.security.AccessRules;
import com.paystream.security.ApiKeyToken;
import com.paystream.security.PrincipalKeys;
import com.paystream.security.Role;
import com.paystream.security.Route;
import com.paystream.security.servlet.ServletRoutes;
import com.paystream.testkit.SharedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator API over HTTP against the real relay, broker and PostgreSQL, with a compressed
 * re-delivery schedule (200 ms, 400 ms, 800 ms): a callback nobody confirms walks the whole
 * schedule into the dead-letter topic, an operator finds it with its history and redrives it, and
 * every redrive leaves an audit record that cannot be changed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "paystream.relay.redelivery-schedule=200ms,400ms,800ms",
      "paystream.relay.poll-interval=100ms",
      "paystream.relay.backlog-refresh=200ms"
    })
class OperatorApiIT {

  private static final String PREFIX = SharedInfrastructure.uniqueName("operator") + ".";
  private static final String ALICE_TOKEN = ApiKeyToken.issue().token();
  private static final String BOB_TOKEN = ApiKeyToken.issue().token();
  private static final String AUDITOR_TOKEN = ApiKeyToken.issue().token();
  private static final GatewayOutbox OUTBOX = GatewayOutbox.create(PREFIX);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final PinnedSchemaRegistry REGISTRY = PinnedSchemaRegistry.bundled();

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    GatewayOutbox.register(registry, OUTBOX::database);
    registry.add(
        "spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    registry.add("paystream.topics.prefix", () -> PREFIX);
    PrincipalKeys.properties(
            List.of(
                PrincipalKeys.Holder.of("alice", Role.OPERATOR, ALICE_TOKEN),
                PrincipalKeys.Holder.of("bob", Role.OPERATOR, BOB_TOKEN),
                PrincipalKeys.Holder.of("ada", Role.AUDITOR, AUDITOR_TOKEN)))
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @Test
  void anUnconfirmedCallbackWalksTheScheduleIntoTheDeadLetterTopicAndARedriveBringsItBack() {
    String payment = "pay-" + UUID.randomUUID();
    Recorded callback = OUTBOX.recordOne(payment, 0, "simulator");

    await().atMost(Duration.ofSeconds(30)).until(() -> isDead(callback.messageId()));

    DeadLetter letter = deadLetterFor(callback.messageId());
    assertThat(letter.getReasonCode()).isEqualTo("RETRIES_EXHAUSTED");
    assertThat(letter.getPaymentId()).isEqualTo(payment);
    JsonNode dead = getJson("/v1/callbacks?status=DEAD&paymentId=" + payment, ALICE_TOKEN);
    JsonNode item = dead.get("items").get(0);
    assertThat(item.get("messageId").asText()).isEqualTo(callback.messageId().toString());
    assertThat(item.get("provider").asText()).isEqualTo("simulator");
    assertThat(item.get("attempts").asInt()).isEqualTo(3);
    assertThat(events(item))
        .containsExactly("PUBLISHED", "PUBLISHED", "PUBLISHED", "DEAD_LETTERED");
    List<Instant> at = times(item);
    // Each publication waited for its step of the schedule before the next one.
    assertThat(Duration.between(at.get(0), at.get(1))).isGreaterThanOrEqualTo(ms(200));
    assertThat(Duration.between(at.get(1), at.get(2))).isGreaterThanOrEqualTo(ms(400));
    assertThat(Duration.between(at.get(2), at.get(3))).isGreaterThanOrEqualTo(ms(800));

    HttpResponse<String> redrive =
        post(
            "/v1/callbacks/" + callback.messageId() + "/redrive",
            "{\"reason\":\"ledger fixed\"}",
            ALICE_TOKEN);

    assertThat(redrive.statusCode()).isEqualTo(200);
    assertThat(json(redrive).get("redriven").asInt()).isEqualTo(1);
    try (TopicReader reader =
        new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), OUTBOX.callbacksTopic())) {
      // Three publications before the dead letter, and a fresh first attempt after the redrive.
      List<ConsumerRecord<String, byte[]>> published =
          reader.readUntil(
              all -> attemptsOnTopic(all, callback.messageId()).size() >= 4, ms(20_000));
      assertThat(attemptsOnTopic(published, callback.messageId()).subList(0, 4))
          .containsExactly("1", "2", "3", "1");
    }
    confirm(callback);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> OUTBOX.status(callback.messageId()).equals("CONFIRMED"));
    JsonNode after = getJson("/v1/callbacks/" + callback.messageId(), ALICE_TOKEN);
    assertThat(events(after)).contains("REDRIVEN", "CONFIRMED");
    JsonNode redriven = history(after, "REDRIVEN");
    assertThat(redriven.get("operator").asText()).isEqualTo("operator:alice");
    assertThat(redriven.get("detail").asText()).isEqualTo("ledger fixed");
  }

  @Test
  void aBulkRedriveWaitsForASecondOperatorAndNamesBoth() {
    String payment = "pay-" + UUID.randomUUID();
    List<Recorded> bulk = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      bulk.add(OUTBOX.recordOne(payment, i, "bulkpsp"));
    }
    Recorded other = OUTBOX.recordOne(payment, 3, "otherpsp");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> bulk.stream().allMatch(r -> isDead(r.messageId())) && isDead(other.messageId()));

    HttpResponse<String> requested =
        post(
            "/v1/callbacks/redrive",
            "{\"status\":[\"DEAD\"],\"provider\":\"bulkpsp\",\"paymentId\":\"%s\",\"reason\":\"psp outage over\"}"
                .formatted(payment),
            BOB_TOKEN);

    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
    String approvalId = json(requested).get("approvalId").asText();
    assertThat(json(requested).get("state").asText()).isEqualTo("PENDING");
    assertThat(requested.headers().firstValue("Location")).hasValue("/v1/approvals/" + approvalId);
    assertThat(bulk).allSatisfy(r -> assertThat(isDead(r.messageId())).isTrue());
    HttpResponse<String> self = post("/v1/approvals/" + approvalId + "/approve", "", BOB_TOKEN);
    assertThat(self.statusCode()).isEqualTo(403);
    assertThat(json(self).get("reason").asText()).isEqualTo("self-approval");
    assertThat(bulk).allSatisfy(r -> assertThat(isDead(r.messageId())).isTrue());

    HttpResponse<String> response =
        post("/v1/approvals/" + approvalId + "/approve", "{\"reason\":\"ok\"}", ALICE_TOKEN);
    HttpResponse<String> twice = post("/v1/approvals/" + approvalId + "/approve", "", ALICE_TOKEN);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(twice.statusCode()).isEqualTo(409);
    JsonNode result = json(response).get("result");
    assertThat(result.get("redriven").asInt()).isEqualTo(3);
    assertThat(result.get("operator").asText()).isEqualTo("operator:bob");
    assertThat(result.get("approvedBy").asText()).isEqualTo("operator:alice");
    Map<String, Object> audit =
        OUTBOX
            .jdbc()
            .queryForMap(
                "select operator, approved_by, action, reason, affected,"
                    + " filter->>'provider' as provider from relay.operator_audit where id = ?",
                result.get("auditId").asLong());
    assertThat(audit)
        .containsEntry("operator", "operator:bob")
        .containsEntry("approved_by", "operator:alice")
        .containsEntry("action", "REDRIVE")
        .containsEntry("reason", "psp outage over")
        .containsEntry("affected", 3)
        .containsEntry("provider", "bulkpsp");
    assertThat(
            OUTBOX
                .jdbc()
                .queryForList(
                    "select outcome || ' ' || actor from relay.audit_record where target like ?"
                        + " order by seq",
                    String.class,
                    "callbacks?%paymentId=" + payment + "%"))
        .containsExactly("REQUESTED operator:bob", "APPROVED operator:alice");
    try (TopicReader reader =
        new TopicReader(
            SharedInfrastructure.kafka().bootstrapServers(), PREFIX + Topics.AUDIT_EVENTS.name())) {
      AvroDeserializer<AuditEvent> events = new AvroDeserializer<>(REGISTRY, AuditEvent.class);
      List<ConsumerRecord<String, byte[]>> read =
          reader.readUntil(
              all ->
                  all.stream().filter(r -> r.key().contains("paymentId=" + payment)).count() >= 2,
              ms(20_000));
      assertThat(
              read.stream()
                  .filter(r -> r.key().contains("paymentId=" + payment))
                  .map(r -> events.deserialize(r.topic(), r.value()).getOutcome().name()))
          .containsExactly("REQUESTED", "APPROVED");
    }
    assertThat(OUTBOX.status(other.messageId())).isEqualTo("DEAD");
  }

  @Test
  void listsPageByPageWithACursorAndFilters() {
    String payment = "pay-" + UUID.randomUUID();
    List<String> acme = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      acme.add(OUTBOX.recordOne(payment, i, "acme").messageId().toString());
      OUTBOX.recordOne(payment, i, "zeta");
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          getJson(
              "/v1/callbacks?provider=acme&limit=2&paymentId="
                  + payment
                  + (cursor == null ? "" : "&cursor=" + cursor),
              ALICE_TOKEN);
      page.get("items").forEach(i -> seen.add(i.get("messageId").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(seen).containsExactlyElementsOf(acme);
    assertThat(
            getJson("/v1/callbacks?olderThan=PT1H&paymentId=" + payment, ALICE_TOKEN).get("items"))
        .isEmpty();
  }

  @Test
  void withoutAKnownOperatorTokenEveryRequestGets401() {
    for (String authorization :
        new String[] {null, "Bearer wrong", "Basic YWxpY2U6eA==", "Bearer "}) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/callbacks")).GET();
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response = send(request.build());
      assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json;charset=UTF-8");
      assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }
    HttpResponse<String> redrive =
        send(
            HttpRequest.newBuilder(uri("/v1/callbacks/redrive"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}"))
                .build());
    assertThat(redrive.statusCode()).isEqualTo(401);
    String requestId = redrive.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(
            OUTBOX
                .jdbc()
                .queryForList(
                    "select outcome || ' ' || actor || ' ' || role from relay.audit_record"
                        + " where request_id = ?",
                    String.class,
                    requestId))
        .containsExactly("REFUSED anonymous NONE");
    assertThat(
            OUTBOX
                .jdbc()
                .queryForObject(
                    "select count(*) from relay.operator_audit where reason = 'x'", Integer.class))
        .isZero();
  }

  @Test
  void anAuditEventIsPublishedOnceNeverQueuedForAConfirmationThatNeverComes() {
    UUID audit = OUTBOX.recordAuditEvent("pay-audited");
    Recorded callback = OUTBOX.recordOne("pay-" + UUID.randomUUID(), 0, "simulator");

    // The callback walks the whole compressed schedule: every sweep has passed the audit event.
    await().atMost(Duration.ofSeconds(30)).until(() -> isDead(callback.messageId()));

    assertThat(
            OUTBOX
                .jdbc()
                .queryForObject(
                    "select count(*) from relay.redelivery where message_id = ?",
                    Integer.class,
                    audit))
        .isZero();
    try (TopicReader reader =
        new TopicReader(
            SharedInfrastructure.kafka().bootstrapServers(), PREFIX + "audit.events.v1")) {
      List<ConsumerRecord<String, byte[]>> events =
          reader.readUntil(
              all -> all.stream().anyMatch(r -> audit.equals(TopicReader.messageId(r))),
              ms(20_000));
      assertThat(events).filteredOn(r -> audit.equals(TopicReader.messageId(r))).hasSize(1);
    }
  }

  @Test
  void everyMappedRouteIsPublicOrCoveredByARoleRule(
      @Autowired ApplicationContext context, @Autowired AccessRules rules) {
    List<Route> routes = ServletRoutes.of(context);
    assertThat(routes)
        .extracting(Route::pattern)
        .contains("/v1/callbacks/{messageId}/redrive", "/actuator/prometheus");
    assertThat(Route.uncovered(routes, rules)).isEmpty();
  }

  @Test
  void anAuditorReadsButCannotRedrive() {
    assertThat(
            send(HttpRequest.newBuilder(uri("/v1/callbacks"))
                    .header("Authorization", "Bearer " + AUDITOR_TOKEN)
                    .build())
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> redrive =
        post("/v1/callbacks/redrive", "{\"reason\":\"auditor tried\"}", AUDITOR_TOKEN);
    assertThat(redrive.statusCode()).isEqualTo(403);
    assertThat(
            OUTBOX
                .jdbc()
                .queryForList(
                    "select outcome || ' ' || actor from relay.audit_record where request_id = ?",
                    String.class,
                    redrive.headers().firstValue("X-Request-Id").orElseThrow()))
        .containsExactly("REFUSED auditor:ada");
    assertThat(
            send(HttpRequest.newBuilder(uri("/v1/audit?outcome=REFUSED&limit=1"))
                    .header("Authorization", "Bearer " + AUDITOR_TOKEN)
                    .build())
                .statusCode())
        .isEqualTo(200);
    assertThat(get("/v1/audit").statusCode()).as("operators do not read the trail").isEqualTo(403);
    assertThat(redrive.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json;charset=UTF-8");
    assertThat(
            OUTBOX
                .jdbc()
                .queryForObject(
                    "select count(*) from relay.operator_audit where reason = 'auditor tried'",
                    Integer.class))
        .isZero();
  }

  @Test
  void badInputGetsAClearProblemAnswerNeverA5xx() {
    assertProblem(get("/v1/callbacks?status=LOST"), 400, "status");
    assertProblem(get("/v1/callbacks?limit=0"), 400, "limit");
    assertProblem(get("/v1/callbacks?limit=many"), 400, null);
    assertProblem(get("/v1/callbacks?cursor=not-a-cursor"), 400, "cursor");
    assertProblem(get("/v1/callbacks?olderThan=yesterday"), 400, "olderThan");
    assertProblem(get("/v1/callbacks/not-a-uuid"), 400, null);
    assertProblem(get("/v1/callbacks/" + UUID.randomUUID()), 404, null);
    String unknown = "/v1/callbacks/" + UUID.randomUUID() + "/redrive";
    assertProblem(post(unknown, "{\"reason\":\"r\"}", ALICE_TOKEN), 404, null);
    assertProblem(post(unknown, "{\"reason\":\"\"}", ALICE_TOKEN), 400, "reason");
    assertProblem(post(unknown, "{not json", ALICE_TOKEN), 400, null);
    assertProblem(post(unknown, "", ALICE_TOKEN), 400, null);
    assertProblem(
        post("/v1/callbacks/redrive", "{\"status\":[\"NOPE\"],\"reason\":\"r\"}", ALICE_TOKEN),
        400,
        "status");
    assertProblem(
        send(
            HttpRequest.newBuilder(uri(unknown))
                .header("Authorization", "Bearer " + ALICE_TOKEN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("reason"))
                .build()),
        415,
        null);
  }

  @Test
  void aConfirmedCallbackCannotBeRedriven() {
    Recorded callback = OUTBOX.recordOne("pay-" + UUID.randomUUID(), 0, "simulator");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !OUTBOX.status(callback.messageId()).equals("PENDING"));
    confirm(callback);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> OUTBOX.status(callback.messageId()).equals("CONFIRMED"));

    assertProblem(
        post(
            "/v1/callbacks/" + callback.messageId() + "/redrive",
            "{\"reason\":\"r\"}",
            ALICE_TOKEN),
        409,
        null);
  }

  @Test
  void theAuditTrailAndTheAttemptHistoryRefuseUpdateAndDelete() {
    Recorded callback = OUTBOX.recordOne("pay-" + UUID.randomUUID(), 0, "simulator");
    await().atMost(Duration.ofSeconds(30)).until(() -> isDead(callback.messageId()));
    post(
        "/v1/callbacks/" + callback.messageId() + "/redrive",
        "{\"reason\":\"audit me\"}",
        ALICE_TOKEN);

    for (String sql :
        List.of(
            "update relay.operator_audit set operator = 'mallory'",
            "update relay.audit_record set actor = 'mallory'",
            "delete from relay.audit_record",
            "truncate relay.approval_decision",
            "delete from relay.operator_audit",
            "truncate relay.operator_audit",
            "update relay.delivery_attempt set attempt = 1",
            "delete from relay.delivery_attempt")) {
      assertThatThrownBy(() -> OUTBOX.jdbc().execute(sql))
          .as(sql)
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("append-only");
    }
    assertThat(
            OUTBOX
                .jdbc()
                .queryForObject(
                    "select count(*) from relay.audit_record where actor = 'operator:alice'"
                        + " and action = 'redrive.one' and reason = 'audit me' and outcome = 'ACCEPTED'",
                    Integer.class))
        .isEqualTo(1);
    assertThat(
            OUTBOX
                .jdbc()
                .queryForObject(
                    "select count(*) from relay.operator_audit where operator = 'operator:alice' and reason = 'audit me'",
                    Integer.class))
        .isEqualTo(1);
  }

  private boolean isDead(UUID messageId) {
    return OUTBOX.status(messageId).equals("DEAD");
  }

  private static DeadLetter deadLetterFor(UUID messageId) {
    AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(REGISTRY, DeadLetter.class);
    try (TopicReader reader =
        new TopicReader(
            SharedInfrastructure.kafka().bootstrapServers(), OUTBOX.deadLetterTopic())) {
      List<DeadLetter> mine = new ArrayList<>();
      reader.readUntil(
          all -> {
            mine.clear();
            all.stream()
                .map(r -> letters.deserialize(r.topic(), r.value()))
                .filter(l -> messageId.toString().equals(l.getMessageId()))
                .forEach(mine::add);
            return !mine.isEmpty();
          },
          ms(20_000));
      return mine.get(0);
    }
  }

  private static List<String> attemptsOnTopic(
      List<ConsumerRecord<String, byte[]>> records, UUID id) {
    return records.stream()
        .filter(r -> TopicReader.messageId(r).equals(id))
        .map(r -> TopicReader.header(r, OutboxHeaders.DELIVERY_ATTEMPT))
        .toList();
  }

  private static void confirm(Recorded callback) {
    String topic = PREFIX + Topics.LEDGER_ENTRIES.name();
    Instant now = Instant.now();
    LedgerEntryEvent event =
        LedgerEntryEvent.newBuilder()
            .setEnvelope(
                Envelope.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setCausationId(callback.messageId().toString())
                    .setOccurredAt(now)
                    .setRecordedAt(now)
                    .setTraceId("")
                    .build())
            .setSourceEventId(callback.messageId().toString())
            .setSourceType(SourceType.CALLBACK)
            .setPaymentId(callback.paymentId())
            .setOutcome(EntryOutcome.NO_FINANCIAL_EFFECT)
            .setEntry(null)
            .build();
    byte[] value =
        new AvroSerializer<LedgerEntryEvent>(REGISTRY, SubjectNameStrategy.topicName(PREFIX))
            .serialize(topic, event);
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafka().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, callback.paymentId(), value));
    }
  }

  private static List<String> events(JsonNode message) {
    List<String> events = new ArrayList<>();
    message.get("history").forEach(e -> events.add(e.get("event").asText()));
    return events;
  }

  private static List<Instant> times(JsonNode message) {
    List<Instant> times = new ArrayList<>();
    message.get("history").forEach(e -> times.add(Instant.parse(e.get("at").asText())));
    return times;
  }

  private static JsonNode history(JsonNode message, String event) {
    for (JsonNode e : message.get("history")) {
      if (e.get("event").asText().equals(event)) {
        return e;
      }
    }
    throw new AssertionError("no " + event + " in " + message);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(response.body())
        .startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    if (field != null) {
      assertThat(problem.get("field").asText()).isEqualTo(field);
    }
  }

  private JsonNode getJson(String path, String token) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ALICE_TOKEN).build());
  }

  private HttpResponse<String> post(String path, String body, String token) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
