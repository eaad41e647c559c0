package com.paystream.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.testkit.SharedInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

  @Test
  void deliversARecordThroughATopicCreatedByAdmin() throws Exception {
    KafkaBroker broker = SharedInfrastructure.kafka();
    String topic = SharedInfrastructure.uniqueName("roundtrip");
    createTopic(broker, topic);

    send(broker, topic, "pay_1", "succeeded");

    assertThat(consumeOne(broker, topic))
        .extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactly("pay_1", "succeeded");
  }

  @Test
  void refusesToCreateTopicsOnFirstUse() throws Exception {
    KafkaBroker broker = SharedInfrastructure.kafka();
    String missing = SharedInfrastructure.uniqueName("never_created");

    assertThatThrownBy(
            () -> send(broker, missing, "k", "v", Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500)))
        .hasMessageContaining("not present in metadata");
    try (Admin admin = admin(broker)) {
      assertThat(admin.listTopics().names().get()).doesNotContain(missing);
    }
  }

  @Test
  void keepsACommittedRecordAcrossARestart() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(null)) {
      String topic = SharedInfrastructure.uniqueName("durable");
      createTopic(broker, topic);
      send(broker, topic, "pay_2", "captured");
      int port = broker.port();

      broker.stop();
      assertThat(broker.isRunning()).isFalse();
      broker.restart();

      assertThat(broker.port()).isEqualTo(port);
      assertThat(consumeOne(broker, topic).value()).isEqualTo("captured");
    }
  }

  private static void createTopic(KafkaBroker broker, String topic) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  @Test
  void keepsTopicsWhenANewBrokerStartsOnTheSameDirectory(@TempDir Path dataDir) throws Exception {
    String topic = SharedInfrastructure.uniqueName("kept");
    try (KafkaBroker first = KafkaBroker.start(dataDir)) {
      createTopic(first, topic);
      send(first, topic, "pay_3", "refunded");
    }

    try (KafkaBroker second = KafkaBroker.start(dataDir)) {
      assertThat(consumeOne(second, topic).value()).isEqualTo("refunded");
    }
    assertThat(dataDir.resolve("kraft/meta.properties")).exists();
  }

  private static Admin admin(KafkaBroker broker) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static void send(KafkaBroker broker, String topic, String key, String value)
      throws ExecutionException, InterruptedException {
    send(broker, topic, key, value, Map.of());
  }

  private static void send(
      KafkaBroker broker, String topic, String key, String value, Map<String, Object> overrides)
      throws ExecutionException, InterruptedException {
    Map<String, Object> config = new java.util.HashMap<>(overrides);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  private static ConsumerRecord<String, String> consumeOne(KafkaBroker broker, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, SharedInfrastructure.uniqueName("group"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of(topic));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
              });
    }
    assertThat(received).hasSize(1);
    return received.get(0);
  }
}
