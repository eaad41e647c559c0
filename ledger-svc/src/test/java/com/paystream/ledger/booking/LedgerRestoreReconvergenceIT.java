package com.paystream.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.LedgerApplication;
import com.paystream.ledger.publishing.LedgerTopics;
import com.paystream.ledger.sealing.SealKeys;
import com.paystream.ledger.support.Callbacks;
import com.paystream.ledger.support.Commands;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.security.testing.Callers;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * A ledger database restored to an earlier instant re-converges from the topics: the ledger books
 * on database A, A is copied while no ledger is connected (the copy is "A as it was at instant T"),
 * the ledger books more on A, and then a ledger on the copy, under the same consumer group (whose
 * committed offsets are past everything), books what the copy is missing: every callback and
 * command exactly once, under the entry ids A gave them, with a zero trial balance and a journal
 * whose hash chains verify. A refund booked on A after its payment, both after T, is read by the
 * restored ledger before its payment's callback: it is parked, and booked once with the payment.
 */
class LedgerRestoreReconvergenceIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final KeyPair SEAL_KEYS = SealKeys.generatePair();
  // The namespace of the ledger's per-payment booking locks (JdbcBookingStore).
  private static final int PAYMENT_LOCKS = 0x50415953;

  private final String name = SharedInfrastructure.uniqueName("ledger_restore");
  private final LedgerTopics topics = LedgerTopics.withPrefix(name + ".");
  private final DatabaseCoordinates original = SharedInfrastructure.postgres().createDatabase(name);

  @Test
  void aLedgerOnADatabaseRestoredToAnEarlierInstantBooksWhatItLacksUnderTheSameIds()
      throws Exception {
    // Given: callbacks, an unreadable record and a re-delivered callback booked on A.
    List<PaymentCallback> before = payments("before", 12);
    try (ConfigurableApplicationContext ledger = ledgerOn(original)) {
      before.forEach(this::send);
      sendRaw(topics.callbacks(), "pay-garbage", "not avro".getBytes(StandardCharsets.UTF_8));
      send(before.get(0));
      awaitProcessed(original, before.size() + 1);
    }
    // The restore point T: A copied while no ledger holds a connection to it.
    DatabaseCoordinates restored = copyOf(original, name + "_at_t");

    // When: more is booked on A after T (callbacks, and a refund of a payment booked before T),
    // and a payment P that is refunded after its booking (refundAfterT), its callback read after
    // that of a payment Q on the same partition.
    List<PaymentCallback> after = payments("after", 9);
    PaymentCommand refund = Commands.refund(before.get(1).getPaymentId(), 500);
    PaymentCallback paid = Callbacks.succeeded("pay-after-refunded-" + UUID.randomUUID(), 20_000);
    PaymentCallback ahead = paymentLockedBefore(paid, restored);
    PaymentCommand refundAfterT = Commands.refund(paid.getPaymentId(), 7_000);
    int afterT = after.size() + 1 + 3;
    try (ConfigurableApplicationContext ledger = ledgerOn(original)) {
      after.forEach(this::send);
      send(refund);
      sendRaw(topics.callbacks(), paid.getPaymentId(), encode(topics.callbacks(), ahead));
      send(paid);
      awaitProcessed(original, before.size() + 1 + after.size() + 1 + 2);
      send(refundAfterT);
      awaitProcessed(original, before.size() + 1 + afterT);
    }
    Map<UUID, UUID> entriesOnA = entryIdsBySource(original);
    assertThat(entriesOnA).hasSize(before.size() + after.size() + 1 + 3);
    assertThat(committedCallbackOffsets())
        .as("the group's committed offsets are ahead of the restored database")
        .isGreaterThan(recordedCallbackOffsets(restored));

    // Then: a ledger on the restored copy, same consumer group, books what the copy lacks. Its
    // callbacks listener is held at Q (whose booking lock the test holds), so it reads P's refund
    // before P's callback: the refund is parked, then booked with P.
    // A batch waiting for that lock neither polls nor rejoins the group, so the commands listener
    // could not be assigned its partitions until the lock is released: with a lock timeout the
    // batch fails and is retried, and the container polls (and rebalances) between the retries.
    try (Connection holdingQ = lockPayment(restored, ahead.getPaymentId());
        ConfigurableApplicationContext ledger =
            ledgerOn(
                restored,
                "--spring.datasource.hikari.connection-init-sql=set lock_timeout = '1s'",
                "--paystream.ledger.retry.max-interval=1s")) {
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(
                          count(
                              restored,
                              "select count(*) from parked_command where source_event_id = ?",
                              refundAfterT.getCommandId()))
                      .as("the refund read before its payment is parked")
                      .isEqualTo(1));
      assertThat(
              count(
                  restored,
                  "select count(*) from processed_event where source_event_id = ?",
                  paid.getCallbackId()))
          .as("P's callback is not booked yet")
          .isZero();
      holdingQ.close();
      awaitProcessed(restored, before.size() + 1 + afterT);
      assertThat(entryIdsBySource(restored)).isEqualTo(entriesOnA);
      assertThat(
              jdbc(restored)
                  .queryForList(
                      "select entry_type from journal_entry where payment_id = ?",
                      String.class,
                      paid.getPaymentId()))
          .as("P and its refund, each booked once")
          .containsExactlyInAnyOrder("PAYMENT", "REFUND");
      for (PaymentCallback callback : concat(concat(before, after), List.of(ahead, paid))) {
        assertThat(
                count(
                    restored,
                    "select count(*) from journal_entry where payment_id = ?"
                        + " and entry_type = 'PAYMENT'",
                    callback.getPaymentId()))
            .as("bookings of " + callback.getPaymentId())
            .isEqualTo(1);
      }
      assertThat(currenciesWhoseTrialBalanceIsNotZero(restored)).isZero();
      assertThat(verification(ledger)).containsEntry("valid", true);
    }
  }

  private static List<PaymentCallback> payments(String tag, int count) {
    List<PaymentCallback> callbacks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      callbacks.add(Callbacks.succeeded("pay-" + tag + "-" + UUID.randomUUID(), 10_000 + i));
    }
    return callbacks;
  }

  /**
   * A payment whose booking lock (JdbcBookingStore: advisory lock per payment id, taken in
   * ascending key order) comes before {@code payment}'s: a batch blocked on it does not hold {@code
   * payment}'s lock.
   */
  private static PaymentCallback paymentLockedBefore(
      PaymentCallback payment, DatabaseCoordinates db) {
    while (true) {
      PaymentCallback candidate =
          Callbacks.succeeded("pay-after-ahead-" + UUID.randomUUID(), 15_000);
      if (count(
              db,
              "select case when hashtext(?) < hashtext(?) then 1 else 0 end",
              candidate.getPaymentId(),
              payment.getPaymentId())
          == 1) {
        return candidate;
      }
    }
  }

  /** Holds the ledger's booking lock of a payment until the (unpooled) connection is closed. */
  private static Connection lockPayment(DatabaseCoordinates db, String paymentId) throws Exception {
    Connection connection =
        SharedInfrastructure.postgres().dataSource(db.database()).getConnection();
    try (java.sql.PreparedStatement st =
        connection.prepareStatement("select pg_advisory_lock(?, hashtext(?))")) {
      st.setInt(1, PAYMENT_LOCKS);
      st.setString(2, paymentId);
      st.executeQuery().close();
    }
    return connection;
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private ConfigurableApplicationContext ledgerOn(DatabaseCoordinates db, String... extraArgs) {
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
                "--paystream.topics.prefix=" + topics.prefix(),
                "--paystream.ledger.consumer-group=" + name,
                "--paystream.ledger.day-close.enabled=false",
                "--logging.structured.format.console=",
                "--paystream.ledger.seal.private-key=" + SealKeys.pem(SEAL_KEYS.getPrivate()),
                "--paystream.ledger.seal.public-keys=" + SealKeys.pem(SEAL_KEYS.getPublic())));
    Callers.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
    args.addAll(List.of(extraArgs));
    return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
  }

  /**
   * {@code CREATE DATABASE … TEMPLATE}: a file-level copy, refused while anyone is connected to the
   * template, which is what makes it the database as it was at that instant. Same roles and grants.
   */
  private static DatabaseCoordinates copyOf(DatabaseCoordinates source, String copy)
      throws Exception {
    try (Connection admin = SharedInfrastructure.postgres().dataSource("postgres").getConnection();
        Statement st = admin.createStatement()) {
      st.execute(
          "create database "
              + copy
              + " template "
              + source.database()
              + " owner "
              + source.owner().username());
    }
    return new DatabaseCoordinates(
        source.host(), source.port(), copy, source.owner(), source.runtime());
  }

  private void send(PaymentCallback callback) {
    sendRaw(topics.callbacks(), callback.getPaymentId(), encode(topics.callbacks(), callback));
  }

  private void send(PaymentCommand command) {
    sendRaw(topics.commands(), command.getPaymentId(), encode(topics.commands(), command));
  }

  private byte[] encode(String topic, SpecificRecord value) {
    return new AvroSerializer<SpecificRecord>(
            PinnedSchemaRegistry.bundled(), SubjectNameStrategy.topicName(topics.prefix()))
        .serialize(topic, value);
  }

  private void sendRaw(String topic, String key, byte[] value) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String bootstrapServers() {
    return SharedInfrastructure.kafka().bootstrapServers();
  }

  private static JdbcTemplate jdbc(DatabaseCoordinates db) {
    return new JdbcTemplate(SharedInfrastructure.postgres().dataSource(db.database()));
  }

  private static long count(DatabaseCoordinates db, String sql, Object... args) {
    return jdbc(db).queryForObject(sql, Long.class, args);
  }

  private static void awaitProcessed(DatabaseCoordinates db, int records) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> assertThat(count(db, "select count(*) from processed_event")).isEqualTo(records));
  }

  private static Map<UUID, UUID> entryIdsBySource(DatabaseCoordinates db) {
    Map<UUID, UUID> ids = new HashMap<>();
    jdbc(db)
        .query(
            "select source_event_id, id from journal_entry",
            rs -> {
              ids.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
            });
    return ids;
  }

  private static long currenciesWhoseTrialBalanceIsNotZero(DatabaseCoordinates db) {
    return count(
        db,
        "select count(*) from (select currency, sum(case when type in ('ASSET', 'EXPENSE')"
            + " then available_minor + frozen_minor else -(available_minor + frozen_minor) end) t"
            + " from account group by currency) x where t <> 0");
  }

  private long recordedCallbackOffsets(DatabaseCoordinates db) {
    return count(
        db,
        "select coalesce(sum(next), 0) from (select max(source_offset) + 1 as next"
            + " from processed_event where source_topic = ? group by source_partition) x",
        topics.callbacks());
  }

  private long committedCallbackOffsets() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      return admin
          .listConsumerGroupOffsets(name)
          .partitionsToOffsetAndMetadata()
          .get()
          .entrySet()
          .stream()
          .filter(e -> e.getKey().topic().equals(topics.callbacks()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }

  private static Map<String, Object> verification(ConfigurableApplicationContext ledger) {
    int port = ledger.getEnvironment().getProperty("local.server.port", Integer.class);
    return RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .defaultHeader("Authorization", "Bearer " + Callers.AUDITOR)
        .build()
        .get()
        .uri("/v1/journal/verification")
        .retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
  }
}
