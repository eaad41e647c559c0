package com.paystream.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.relay.delivery.MessageStatus;
import com.paystream.relay.support.GatewayOutbox;
import com.paystream.schemas.callbacks.CallbackSource;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.PaymentStatus;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.EntryOutcome;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.ledger.SourceType;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.schemas.topics.Topics;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relay against a real broker and a real PostgreSQL holding the gateway's outbox: it publishes
 * what was recorded, stops when the ledger confirms or refuses, and dead-letters what nobody
 * confirms once the (compressed) schedule runs out.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "paystream.relay.redelivery-schedule=3s,1s",
      "paystream.relay.poll-interval=200ms",
      "paystream.relay.backlog-refresh=200ms"
    })
class RelayIT {

  private static final String PREFIX = SharedInfrastructure.uniqueName("relay") + ".";
  private static final PinnedSchemaRegistry REGISTRY = PinnedSchemaRegistry.bundled();

  private static final DatabaseCoordinates DB =
      SharedInfrastructure.postgres().createDatabase(SharedInfrastructure.uniqueName("gateway"));

  /** The relay's own connection (its runtime role: it may only read the outbox). */
  @Autowired JdbcTemplate jdbc;

  /** The gateway's side, which records the callbacks: here the database's owner. */
  private final JdbcTemplate gateway =
      new JdbcTemplate(
          new org.springframework.jdbc.datasource.DriverManagerDataSource(
              DB.jdbcUrl(), DB.owner().username(), DB.owner().password()));

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    // The gateway owns the outbox; here its migration stands in for the gateway having started.
    GatewayOutbox.migrateOutbox(DB);
    GatewayOutbox.register(registry, () -> DB);
    registry.add(
        "spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    registry.add("paystream.topics.prefix", () -> PREFIX);
  }

  @Test
  void publishesRecordedCallbacksInOrderPerPayment() {
    String paymentA = "pay-" + UUID.randomUUID();
    String paymentB = "pay-" + UUID.randomUUID();
    List<UUID> first = new ArrayList<>();
    List<UUID> second = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      first.add(record(paymentA, PaymentStatus.PENDING));
      second.add(record(paymentB, PaymentStatus.PENDING));
    }

    Map<String, List<String>> idsByPayment = new LinkedHashMap<>();
    List<ConsumerRecord<String, byte[]>> published =
        consumeUntil(
            topic(Topics.PAYMENT_CALLBACKS.name()),
            records -> {
              idsByPayment.clear();
              for (ConsumerRecord<String, byte[]> r : records) {
                idsByPayment
                    .computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(header(r, OutboxHeaders.MESSAGE_ID));
              }
              return idsByPayment.getOrDefault(paymentA, List.of()).size() >= 10
                  && idsByPayment.getOrDefault(paymentB, List.of()).size() >= 10;
            });

    assertThat(idsByPayment.get(paymentA)).startsWith(strings(first).toArray(String[]::new));
    assertThat(idsByPayment.get(paymentB)).startsWith(strings(second).toArray(String[]::new));
    ConsumerRecord<String, byte[]> one =
        published.stream().filter(r -> r.key().equals(paymentA)).findFirst().orElseThrow();
    PaymentCallback decoded =
        new AvroDeserializer<>(REGISTRY, PaymentCallback.class)
            .deserialize(one.topic(), one.value());
    assertThat(decoded.getPaymentId()).isEqualTo(paymentA);
    assertThat(decoded.getCallbackId()).isEqualTo(first.get(0));
  }

  @Test
  void theLedgersConfirmationEndsRedelivery() {
    UUID callback = record("pay-c", PaymentStatus.SUCCEEDED);
    await().atMost(Duration.ofSeconds(20)).until(() -> status(callback).equals("PUBLISHED"));

    confirm(callback);

    await().atMost(Duration.ofSeconds(20)).until(() -> status(callback).equals("CONFIRMED"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from relay.confirmation where message_id = ?",
                Integer.class,
                callback))
        .isEqualTo(1);
  }

  @Test
  void aCallbackWhoseTransactionCommitsLateIsPublishedNotSkipped() throws Exception {
    UUID late;
    UUID meanwhile;
    try (Connection open = gateway.getDataSource().getConnection()) {
      open.setAutoCommit(false);
      // Takes the lower seq and transaction id, and commits after a callback recorded later.
      late = record(new JdbcTemplate(new SingleConnectionDataSource(open, true)), "pay-late");
      meanwhile = record("pay-meanwhile", PaymentStatus.PENDING);

      // Held back, not skipped: until the open transaction ends, the relay cannot know whether it
      // will commit a row ordered before this one (a cursor on seq alone would step over it).
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> status(meanwhile).equals("PENDING"));
      open.commit();
    }

    Map<String, List<String>> ids = new LinkedHashMap<>();
    consumeUntil(
        topic(Topics.PAYMENT_CALLBACKS.name()),
        records -> {
          ids.clear();
          records.forEach(
              r ->
                  ids.computeIfAbsent(r.key(), k -> new ArrayList<>())
                      .add(header(r, OutboxHeaders.MESSAGE_ID)));
          return ids.getOrDefault("pay-late", List.of()).contains(late.toString())
              && ids.getOrDefault("pay-meanwhile", List.of()).contains(meanwhile.toString());
        });
  }

  @Test
  void aRefusalByTheLedgerStopsRedeliveryAtOnce() {
    UUID callback = record("pay-d", PaymentStatus.SUCCEEDED);
    await().atMost(Duration.ofSeconds(20)).until(() -> status(callback).equals("PUBLISHED"));

    refuse(callback, "INVALID_AMOUNT");

    await().atMost(Duration.ofSeconds(20)).until(() -> status(callback).equals("DEAD"));
    assertThat(
            jdbc.queryForObject(
                "select last_error from (" + MessageStatus.SQL + ") m where message_id = ?",
                String.class,
                callback))
        .startsWith("INVALID_AMOUNT");
  }

  @Test
  void anUnconfirmedCallbackWalksTheScheduleIntoTheDeadLetterTopic() {
    UUID callback = record("pay-e", PaymentStatus.SUCCEEDED);

    await().atMost(Duration.ofSeconds(30)).until(() -> status(callback).equals("DEAD"));

    assertThat(
            jdbc.queryForObject(
                "select attempts from (" + MessageStatus.SQL + ") m where message_id = ?",
                Integer.class,
                callback))
        .isEqualTo(2);
    AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(REGISTRY, DeadLetter.class);
    List<DeadLetter> dead =
        consume(topic(Topics.PAYMENT_CALLBACKS_DLT.name()), 1).stream()
            .map(r -> letters.deserialize(r.topic(), r.value()))
            .filter(l -> callback.toString().equals(l.getMessageId()))
            .toList();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).getReasonCode()).isEqualTo("RETRIES_EXHAUSTED");
    assertThat(dead.get(0).getFailedBy()).isEqualTo("callback-relay-svc");
  }

  private UUID record(String paymentId, PaymentStatus status) {
    return record(gateway, paymentId, status);
  }

  private static UUID record(JdbcTemplate within, String paymentId) {
    return record(within, paymentId, PaymentStatus.PENDING);
  }

  private static UUID record(JdbcTemplate within, String paymentId, PaymentStatus status) {
    UUID callbackId = UUID.randomUUID();
    Instant now = Instant.now();
    PaymentCallback callback =
        PaymentCallback.newBuilder()
            .setEnvelope(envelope(callbackId, "evt-" + callbackId, now))
            .setCallbackId(callbackId)
            .setPaymentId(paymentId)
            .setMerchantId("m-1")
            .setProvider("simulator")
            .setProviderEventId("evt-" + callbackId)
            .setSource(CallbackSource.WEBHOOK)
            .setStatus(status)
            .setAmountMinor(1999)
            .setCurrency("EUR")
            .build();
    String topic = topic(Topics.PAYMENT_CALLBACKS.name());
    byte[] payload = serializer().serialize(topic, callback);
    within.update(
        "insert into outbox (message_id, topic, message_key, payload) values (?, ?, ?, ?)",
        callbackId,
        topic,
        paymentId,
        payload);
    return callbackId;
  }

  private void confirm(UUID callback) {
    LedgerEntryEvent event =
        LedgerEntryEvent.newBuilder()
            .setEnvelope(envelope(UUID.randomUUID(), callback.toString(), Instant.now()))
            .setSourceEventId(callback.toString())
            .setSourceType(SourceType.CALLBACK)
            .setPaymentId("pay-c")
            .setOutcome(EntryOutcome.NO_FINANCIAL_EFFECT)
            .setEntry(null)
            .build();
    produce(
        topic(Topics.LEDGER_ENTRIES.name()),
        "pay-c",
        serializer().serialize(topic(Topics.LEDGER_ENTRIES.name()), event));
  }

  private void refuse(UUID callback, String reasonCode) {
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setEnvelope(envelope(UUID.randomUUID(), callback.toString(), Instant.now()))
            .setSourceTopic(topic(Topics.PAYMENT_CALLBACKS.name()))
            .setMessageId(callback.toString())
            .setPaymentId("pay-d")
            .setFailedBy("ledger-svc")
            .setReasonCode(reasonCode)
            .setReason("amount must be positive")
            .setRetryable(false)
            .setOriginalValue(ByteBuffer.wrap(new byte[] {1}))
            .build();
    String dlt = topic(Topics.PAYMENT_CALLBACKS_DLT.name());
    produce(dlt, "pay-d", serializer().serialize(dlt, letter));
  }

  private static Envelope envelope(UUID eventId, String causation, Instant at) {
    return Envelope.newBuilder()
        .setEventId(eventId)
        .setCausationId(causation)
        .setOccurredAt(at)
        .setRecordedAt(at)
        .setTraceId("")
        .build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AvroSerializer serializer() {
    return new AvroSerializer(REGISTRY, SubjectNameStrategy.topicName(PREFIX));
  }

  private String status(UUID messageId) {
    return jdbc.queryForObject(
        "select status from (" + MessageStatus.SQL + ") m where message_id = ?",
        String.class,
        messageId);
  }

  private static String topic(String name) {
    return PREFIX + name;
  }

  private static void produce(String topic, String key, byte[] value) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedInfrastructure.kafka().bootstrapServers());
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value));
    }
  }

  private static List<ConsumerRecord<String, byte[]>> consume(String topic, int atLeast) {
    return consumeUntil(topic, records -> records.size() >= atLeast);
  }

  private static List<ConsumerRecord<String, byte[]>> consumeUntil(
      String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, SharedInfrastructure.uniqueName("reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return done.test(records);
              });
    }
    return records;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static List<String> strings(List<UUID> ids) {
    return ids.stream().map(UUID::toString).toList();
  }
}
