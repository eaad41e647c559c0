package com.paystream.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.paystream.testkit.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The publisher against a real PostgreSQL and a real broker. */
class OutboxPublisherIT {

  private DataSource dataSource;
  private String topic;
  private Producer<String, byte[]> producer;
  private OutboxPublisher publisher;

  @BeforeEach
  void setUp() throws Exception {
    String database = SharedInfrastructure.uniqueName("outbox");
    SharedInfrastructure.postgres().createDatabase(database);
    dataSource = SharedInfrastructure.postgres().dataSource(database);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/outbox").load().migrate();
    topic = SharedInfrastructure.uniqueName("outbox-topic");
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    producer = ReliableProducer.create(bootstrap(), "outbox-it");
  }

  @AfterEach
  void tearDown() {
    if (publisher != null) {
      publisher.close();
    }
    producer.close();
  }

  @Test
  void publishesCommittedRowsInOrderWithTheirHeaders() throws Exception {
    List<UUID> ids = insert("pay-1", "first", "second", "third");
    publisher = OutboxPublisher.publishOnce(dataSource, producer, settings());

    publisher.start();

    List<ConsumerRecord<String, byte[]>> records = consume(topic, 3);
    assertThat(records)
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("first", "second", "third");
    assertThat(records.get(0).key()).isEqualTo("pay-1");
    assertThat(header(records.get(0), OutboxHeaders.MESSAGE_ID)).isEqualTo(ids.get(0).toString());
    assertThat(header(records.get(0), OutboxHeaders.DELIVERY_ATTEMPT)).isEqualTo("1");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(statuses()).containsOnly("PUBLISHED"));
  }

  @Test
  void aRowRecordedInATraceCarriesItsTraceIdAndTraceparent() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String spanId = "00f067aa0ba902b7";
    insertTraced("pay-t", "traced", traceId, spanId);
    insert("pay-u", "untraced");
    publisher = OutboxPublisher.publishOnce(dataSource, producer, settings());

    publisher.start();

    List<ConsumerRecord<String, byte[]>> records = consume(topic, 2);
    ConsumerRecord<String, byte[]> traced = byKey(records, "pay-t");
    assertThat(header(traced, OutboxHeaders.TRACE_ID)).isEqualTo(traceId);
    assertThat(header(traced, OutboxHeaders.TRACEPARENT))
        .isEqualTo("00-" + traceId + "-" + spanId + "-01");
    ConsumerRecord<String, byte[]> untraced = byKey(records, "pay-u");
    assertThat(untraced.headers().lastHeader(OutboxHeaders.TRACE_ID)).isNull();
    assertThat(untraced.headers().lastHeader(OutboxHeaders.TRACEPARENT)).isNull();
  }

  @Test
  void aTracedPublicationWritesItsOwnSpanAsTheParent() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    insertTraced("pay-s", "traced", traceId, "00f067aa0ba902b7");
    List<String> closed = new ArrayList<>();
    PublishTracing ownSpan =
        row -> {
          var child =
              new com.paystream.platform.tracing.TraceParent(
                  row.traceId(), "1111111111111111", true);
          return new PublishTracing.Publication() {
            @Override
            public java.util.Optional<com.paystream.platform.tracing.TraceParent> context() {
              return java.util.Optional.of(child);
            }

            @Override
            public void close() {
              closed.add(row.spanId());
            }
          };
        };
    publisher =
        OutboxPublisher.publishOnce(
            dataSource, producer, PublishObserver.NONE, ownSpan, settings());

    publisher.start();

    ConsumerRecord<String, byte[]> record = consume(topic, 1).get(0);
    assertThat(header(record, OutboxHeaders.TRACEPARENT))
        .isEqualTo("00-" + traceId + "-1111111111111111-01");
    assertThat(header(record, OutboxHeaders.TRACE_ID)).isEqualTo(traceId);
    assertThat(closed).containsExactly("00f067aa0ba902b7");
  }

  @Test
  void rowsOfARolledBackTransactionAreNeverPublished() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      insert(c, "pay-2", "never");
      c.rollback();
    }
    insert("pay-2", "committed");
    publisher = OutboxPublisher.publishOnce(dataSource, producer, settings());

    publisher.start();

    assertThat(consume(topic, 1))
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("committed");
  }

  @Test
  void theDatabaseKeepsMessagesImmutable() throws Exception {
    UUID id = insert("pay-5", "original").get(0);

    assertThatThrownBy(() -> update("update outbox set payload = 'x' where message_id = ?", id))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("immutable");
    assertThatThrownBy(() -> update("update outbox set span_id = 'x' where message_id = ?", id))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("immutable");
    assertThatThrownBy(() -> update("delete from outbox where message_id = ?", id))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("never deleted");
  }

  private OutboxPublisher.Settings settings() {
    return new OutboxPublisher.Settings("it", 100, Duration.ofMillis(100), Duration.ofMillis(200));
  }

  private List<UUID> insert(String key, String... payloads) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return insert(c, key, payloads);
    }
  }

  private List<UUID> insert(Connection c, String key, String... payloads) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into outbox (message_id, topic, message_key, payload) values (?, ?, ?, ?)")) {
      for (String payload : payloads) {
        UUID id = UUID.randomUUID();
        st.setObject(1, id);
        st.setString(2, topic);
        st.setString(3, key);
        st.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
        st.executeUpdate();
        ids.add(id);
      }
    }
    return ids;
  }

  private void insertTraced(String key, String payload, String traceId, String spanId)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "insert into outbox (message_id, topic, message_key, payload, trace_id, span_id)"
                    + " values (?, ?, ?, ?, ?, ?)")) {
      st.setObject(1, UUID.randomUUID());
      st.setString(2, topic);
      st.setString(3, key);
      st.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
      st.setString(5, traceId);
      st.setString(6, spanId);
      st.executeUpdate();
    }
  }

  private static ConsumerRecord<String, byte[]> byKey(
      List<ConsumerRecord<String, byte[]>> records, String key) {
    return records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
  }

  private void update(String sql, UUID id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      st.setObject(1, id);
      st.executeUpdate();
    }
  }

  private List<String> statuses() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var rs = c.createStatement().executeQuery("select status from outbox")) {
      List<String> result = new ArrayList<>();
      while (rs.next()) {
        result.add(rs.getString(1));
      }
      return result;
    }
  }

  private List<ConsumerRecord<String, byte[]>> consume(String fromTopic, int atLeast) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            ConsumerConfig.GROUP_ID_CONFIG, SharedInfrastructure.uniqueName("reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(fromTopic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
              });
    }
    return records;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static String bootstrap() {
    return SharedInfrastructure.kafka().bootstrapServers();
  }

  private static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
  }
}
