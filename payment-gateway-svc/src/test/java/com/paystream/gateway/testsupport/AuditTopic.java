package com.paystream.gateway.testsupport;

import static org.awaitility.Awaitility.await;

import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.TopicCatalogue;
import com.paystream.schemas.topics.Topics;
import com.paystream.testkit.SharedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * audit.events.v1 on the test JVM's real broker, under a prefix of its own. The gateway writes its
 * audit events to its outbox; the callback relay publishes the outbox (topic, key and payload as
 * written). {@link #relay} does what the relay does for the audit rows, so a test reads the events
 * from the topic as consumers will.
 */
public final class AuditTopic implements AutoCloseable {

  /** One event as read from the topic: its key and value. */
  public record Read(String key, AuditEvent event) {}

  private final String prefix;
  private final Topic<AuditEvent> topic;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final AvroDeserializer<AuditEvent> deserializer =
      new AvroDeserializer<>(PinnedSchemaRegistry.bundled(), AuditEvent.class);
  private final List<Read> read = new ArrayList<>();
  private long shippedThroughSeq;
  private int shipped;

  public AuditTopic(String name) {
    prefix = SharedInfrastructure.uniqueName(name) + ".";
    topic = Topics.AUDIT_EVENTS.withPrefix(prefix);
    String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicCatalogue.ensureCreated(admin, (short) 1, List.of(topic));
    }
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "audit-topic-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.assign(
        consumer.partitionsFor(topic.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList());
  }

  /** The gateway writes its topics under this prefix. */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("paystream.topics.prefix", () -> prefix);
  }

  public String name() {
    return topic.name();
  }

  /**
   * Publishes the audit rows the outbox gained since the last call, as the relay would, and reads
   * the topic until every published event has come back.
   */
  public synchronized List<Read> relay(GatewayDatabase db) {
    List<Map<String, Object>> rows =
        db.rows(
            "select seq, message_key, payload from outbox where topic = ? and seq > ? order by seq",
            topic.name(),
            shippedThroughSeq);
    for (Map<String, Object> row : rows) {
      try {
        producer
            .send(
                new ProducerRecord<>(
                    topic.name(), (String) row.get("message_key"), (byte[]) row.get("payload")))
            .get();
      } catch (Exception e) {
        throw new IllegalStateException("could not publish an audit event", e);
      }
      shippedThroughSeq = ((Number) row.get("seq")).longValue();
      shipped++;
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                read.add(
                    new Read(
                        record.key(), deserializer.deserialize(record.topic(), record.value())));
              }
              return read.size() >= shipped;
            });
    return List.copyOf(read);
  }

  /** The events read so far with this audit id. */
  public synchronized List<Read> withAuditId(UUID auditId) {
    return read.stream().filter(r -> r.event().getAuditId().equals(auditId)).toList();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    consumer.close(Duration.ofSeconds(5));
    deserializer.close();
  }
}
