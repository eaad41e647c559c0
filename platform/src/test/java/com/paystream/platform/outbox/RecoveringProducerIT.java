package com.paystream.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.testkit.SharedInfrastructure;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The recovering producer's life cycle against the JVM's broker. */
class RecoveringProducerIT {

  private final AtomicInteger created = new AtomicInteger();

  @Test
  void refusesToSendOnceClosedAndCreatesNoProducerAfterwards() throws Exception {
    String topic = SharedInfrastructure.uniqueName("recovering");
    TopicKeys.create(bootstrap(), topic, 1);
    Producer<String, byte[]> producer = new RecoveringProducer<>("closing", this::create);
    producer.send(new ProducerRecord<>(topic, "k", new byte[1])).get();

    producer.close();
    producer.close();

    assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", new byte[1])))
        .isInstanceOf(IllegalStateException.class);
    assertThat(created).hasValue(1);
  }

  @Test
  void refusesTransactions() {
    try (Producer<String, byte[]> producer = new RecoveringProducer<>("plain", this::create)) {
      assertThatThrownBy(producer::initTransactions)
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("not transactional");
      assertThatThrownBy(producer::beginTransaction)
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  private Producer<String, byte[]> create() {
    created.incrementAndGet();
    Map<String, Object> settings = ReliableProducer.settings(bootstrap(), "recovering-it");
    return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
  }

  private static String bootstrap() {
    return SharedInfrastructure.kafka().bootstrapServers();
  }
}
