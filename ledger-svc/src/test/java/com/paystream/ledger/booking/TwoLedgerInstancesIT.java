package com.paystream.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.LedgerApplication;
import com.paystream.ledger.publishing.LedgerTopics;
import com.paystream.ledger.sealing.SealKeys;
import com.paystream.ledger.support.Callbacks;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.schemas.topics.Topic;
import com.paystream.security.testing.Callers;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two whole ledger services in one consumer group on the real broker and one real PostgreSQL, as
 * the suite runs them: both get partitions, and every callback is booked exactly once, also across
 * the handover when one of them stops and the other takes its partitions over.
 */
class TwoLedgerInstancesIT {

  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final KeyPair SEAL_KEYS = SealKeys.generatePair();

  private final String name = SharedInfrastructure.uniqueName("ledger_two");
  private final LedgerTopics topics = LedgerTopics.withPrefix(name + ".");
  private final DatabaseCoordinates db = SharedInfrastructure.postgres().createDatabase(name);

  @Test
  void twoInstancesShareThePartitionsAndBookEveryCallbackOnceAcrossAHandover() {
    List<PaymentCallback> callbacks = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = producer();
        ConfigurableApplicationContext a = ledger();
        ConfigurableApplicationContext b = ledger()) {
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () -> {
                Set<Integer> ofA = owned(a);
                Set<Integer> ofB = owned(b);
                assertThat(ofA).as("A's callbacks partitions").isNotEmpty();
                assertThat(ofB).as("B's callbacks partitions").isNotEmpty();
                assertThat(ofA).doesNotContainAnyElementsOf(ofB);
                assertThat(ofA.size() + ofB.size()).isEqualTo(Topic.DEFAULT_PARTITIONS);
              });

      send(producer, callbacks, 40);
      awaitProcessed(callbacks.size());

      a.close();
      send(producer, callbacks, 20);
      awaitProcessed(callbacks.size());
      assertThat(owned(b)).as("B took A's partitions over").hasSize(Topic.DEFAULT_PARTITIONS);
    }

    for (PaymentCallback callback : callbacks) {
      assertThat(
              count(
                  "select count(*) from journal_entry where payment_id = ? and entry_type = 'PAYMENT'",
                  callback.getPaymentId()))
          .as("bookings of " + callback.getPaymentId())
          .isEqualTo(1);
    }
    assertThat(
            count(
                "select count(distinct source_partition) from processed_event where source_topic = ?",
                topics.callbacks()))
        .as("callbacks on every partition")
        .isEqualTo(Topic.DEFAULT_PARTITIONS);
  }

  @Test
  void aFencedInstanceRejoinsItsGroupAndBooksWhatItOwnsThen() {
    List<PaymentCallback> callbacks = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = producer();
        ConfigurableApplicationContext ledger = ledger()) {
      await().atMost(DEADLINE).until(() -> owned(ledger).size() == Topic.DEFAULT_PARTITIONS);
      BookingService booking = ledger.getBean(BookingService.class);
      long before = booking.ownedEpoch(topics.callbacks(), 0);
      // What a takeover by another instance leaves behind, while this one has not heard of it.
      count(
          "with bumped as (update partition_owner set epoch = epoch + 1 where topic = ?"
              + " returning 1) select count(*) from bumped",
          topics.callbacks());

      send(producer, callbacks, 12);
      awaitProcessed(callbacks.size());

      assertThat(
              ledger
                  .getBean(io.micrometer.core.instrument.MeterRegistry.class)
                  .counter("ledger.fenced.batches")
                  .count())
          .as("fenced batches")
          .isPositive();
      assertThat(booking.ownedEpoch(topics.callbacks(), 0))
          .as("taken again after the rebalance the fenced listener asked for")
          .isEqualTo(before + 2);
    }
    for (PaymentCallback callback : callbacks) {
      assertThat(
              count(
                  "select count(*) from journal_entry where payment_id = ?",
                  callback.getPaymentId()))
          .as("bookings of " + callback.getPaymentId())
          .isEqualTo(1);
    }
  }

  private Set<Integer> owned(ConfigurableApplicationContext ledger) {
    BookingService booking = ledger.getBean(BookingService.class);
    Set<Integer> owned = new TreeSet<>();
    for (int partition = 0; partition < Topic.DEFAULT_PARTITIONS; partition++) {
      if (booking.ownedEpoch(topics.callbacks(), partition) > 0) {
        owned.add(partition);
      }
    }
    return owned;
  }

  private void send(
      KafkaProducer<byte[], byte[]> producer, List<PaymentCallback> sent, int howMany) {
    for (int i = 0; i < howMany; i++) {
      PaymentCallback callback = Callbacks.succeeded("pay-two-" + UUID.randomUUID(), 1_000 + i);
      producer.send(
          new ProducerRecord<>(
              topics.callbacks(),
              callback.getPaymentId().getBytes(StandardCharsets.UTF_8),
              encode(topics.callbacks(), callback)));
      sent.add(callback);
    }
    producer.flush();
  }

  private void awaitProcessed(int records) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> assertThat(count("select count(*) from processed_event")).isEqualTo(records));
  }

  private ConfigurableApplicationContext ledger() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.runtime().username(),
                "--spring.datasource.password=" + db.runtime().password(),
                "--spring.flyway.user=" + db.owner().username(),
                "--spring.flyway.password=" + db.owner().password(),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                // A short session, as the local stack runs it: the broker's minimum.
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=2000",
                "--paystream.topics.prefix=" + topics.prefix(),
                "--paystream.ledger.consumer-group=" + name,
                "--paystream.ledger.day-close.enabled=false",
                "--paystream.ledger.outbox.enabled=false",
                "--logging.structured.format.console=",
                "--paystream.ledger.seal.private-key=" + SealKeys.pem(SEAL_KEYS.getPrivate()),
                "--paystream.ledger.seal.public-keys=" + SealKeys.pem(SEAL_KEYS.getPublic())));
    Callers.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
  }

  private byte[] encode(String topic, SpecificRecord value) {
    return new AvroSerializer<SpecificRecord>(
            PinnedSchemaRegistry.bundled(), SubjectNameStrategy.topicName(topics.prefix()))
        .serialize(topic, value);
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static String bootstrapServers() {
    return SharedInfrastructure.kafka().bootstrapServers();
  }

  private long count(String sql, Object... args) {
    return new JdbcTemplate(SharedInfrastructure.postgres().dataSource(db.database()))
        .queryForObject(sql, Long.class, args);
  }
}
