package com.paystream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.fixtures.SampleRecords;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.TopicCatalogue;
import com.paystream.schemas.topics.Topics;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.junit.RealInfrastructure;
import com.paystream.testkit.kafka.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The serde as Kafka clients use it, configured by class name, against the real broker: good
 * records decode, a poison record surfaces with its reason and the consumer moves past it.
 */
@RealInfrastructure
class KafkaRoundTripTest {

  @Test
  void consumerDecodesGoodRecordsAndReportsThePoisonOneWithItsReason(KafkaBroker broker)
      throws Exception {
    Topic<PaymentCallback> topic =
        Topics.PAYMENT_CALLBACKS.withPrefix(SharedInfrastructure.uniqueName("roundtrip") + ".");
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      TopicCatalogue.ensureCreated(admin, (short) 1, List.of(topic.withPartitions(1)));
    }
    produce(broker, topic.name());

    List<Object> seen = consumeThree(broker, topic.name());

    assertThat(seen.get(0)).isEqualTo(SampleRecords.callback());
    assertThat(seen.get(1)).isEqualTo(UndecodableRecordException.Reason.NOT_CONFLUENT_FRAMING);
    assertThat(seen.get(2)).isEqualTo(SampleRecords.callback());
  }

  private static void produce(KafkaBroker broker, String topic) throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            AvroSerdeConfig.TOPIC_PREFIX, topic.substring(0, topic.indexOf('.') + 1));
    try (KafkaProducer<String, PaymentCallback> avro =
            new KafkaProducer<>(config, new StringSerializer(), serializer(config));
        KafkaProducer<String, byte[]> raw =
            new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      avro.send(new ProducerRecord<>(topic, "pay-42", SampleRecords.callback())).get();
      raw.send(new ProducerRecord<>(topic, "pay-42", "{\"not\":\"avro\"}".getBytes())).get();
      avro.send(new ProducerRecord<>(topic, "pay-42", SampleRecords.callback())).get();
    }
  }

  private static AvroSerializer<PaymentCallback> serializer(Map<String, Object> config) {
    AvroSerializer<PaymentCallback> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    return serializer;
  }

  /**
   * Polls like a consumer with a dead-letter handler: on a poison record, note it and seek past.
   */
  private static List<Object> consumeThree(KafkaBroker broker, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
    List<Object> seen = new ArrayList<>();
    try (KafkaConsumer<String, PaymentCallback> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                pollOnce(consumer, seen);
                return seen.size() >= 3;
              });
    }
    return seen;
  }

  private static void pollOnce(KafkaConsumer<String, PaymentCallback> consumer, List<Object> seen) {
    try {
      for (ConsumerRecord<String, PaymentCallback> record : consumer.poll(Duration.ofMillis(200))) {
        seen.add(record.value());
      }
    } catch (RecordDeserializationException e) {
      UndecodableRecordException cause = (UndecodableRecordException) e.getCause();
      seen.add(cause.reason());
      consumer.seek(
          new TopicPartition(e.topicPartition().topic(), e.topicPartition().partition()),
          e.offset() + 1);
    }
  }
}
