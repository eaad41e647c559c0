package com.paystream.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.testkit.kafka.KafkaBroker;
import com.paystream.testkit.support.Directories;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sequence errors provoked for real: a broker that lost its data (stopped, data directory wiped,
 * started again as a new cluster) hands out producer ids from 0 again, so a producer created after
 * it shares its id with one that was running before. The two write under one id and epoch to the
 * same partition, and each one's writes bump the epoch under the other: the other's batches fail
 * with {@code InvalidProducerEpochException} (or are refused as out of order) for as long as both
 * live. A plain producer keeps losing sends; a recovering one takes a new id at its first failure.
 *
 * <p>On a broker of its own, since wiping the JVM's shared broker would take every other test's
 * topics with it.
 */
class SharedProducerIdIT {

  private static final String TOPIC = "shared_id";
  private static final int RECORDS = 600;

  private KafkaBroker broker;
  private Producer<String, byte[]> earlier;

  @BeforeEach
  void anEarlierProducerKeepsWritingAcrossABrokerThatLostItsData() throws Exception {
    broker = KafkaBroker.start(null);
    TopicKeys.create(broker.bootstrapServers(), TOPIC, 1);
    earlier = plainProducer("earlier");
    earlier.send(new ProducerRecord<>(TOPIC, "earlier", new byte[16])).get();

    broker.stop();
    Directories.deleteRecursively(broker.dataDir());
    broker.restart();
    TopicKeys.create(broker.bootstrapServers(), TOPIC, 1);
  }

  @AfterEach
  void tearDown() {
    if (earlier != null) {
      earlier.close(Duration.ZERO);
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aPlainProducerSharingItsIdKeepsLosingSends() throws Exception {
    try (Producer<String, byte[]> later = plainProducer("later")) {
      assertThat(sharesTheEarliersId(later)).as("shares the earlier producer's id").isTrue();

      try (SendStream earlierWrites = writeNowAndThen();
          SendStream stream = SendStream.start(later, TOPIC, "p", Duration.ofMillis(10))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> stream.sent() >= RECORDS);

        assertThat(stream.failuresAfter(RECORDS / 2))
            .as("failed sends in the second half of the stream")
            .isPositive();
      }
    }
  }

  @Test
  void aRecoveringProducerSharingItsIdTakesANewOneAndDeliversEverything() throws Exception {
    try (Producer<String, byte[]> later =
        ReliableProducer.create(broker.bootstrapServers(), "later")) {
      assertThat(sharesTheEarliersId(later)).as("shares the earlier producer's id").isTrue();

      Set<String> keys;
      try (SendStream earlierWrites = writeNowAndThen();
          SendStream stream = SendStream.start(later, TOPIC, "r", Duration.ofMillis(10))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> stream.sent() >= RECORDS);
        stream.stopNewRecords();
        await().atMost(Duration.ofSeconds(60)).until(stream::allAcknowledged);

        assertThat(stream.failures()).as("failed sends while it shared the id").isPositive();
        assertThat(stream.failuresAfter(RECORDS / 2))
            .as("failed sends in the second half of the stream")
            .isZero();
        keys = stream.keys();
      }
      assertThat(producerIds()).as("producer ids on the partition").hasSize(2);
      assertThat(
              TopicKeys.readUntil(broker.bootstrapServers(), TOPIC, keys, Duration.ofSeconds(30)))
          .containsAll(keys);
    }
  }

  /**
   * Whether {@code later}, writing after the earlier producer, wrote under the same producer id:
   * the partition then knows a single one.
   */
  private boolean sharesTheEarliersId(Producer<String, byte[]> later) throws Exception {
    earlier.send(new ProducerRecord<>(TOPIC, "earlier", new byte[16])).get();
    later.send(new ProducerRecord<>(TOPIC, "later", new byte[16])).get();
    return producerIds().size() == 1;
  }

  /** The earlier producer writing a record every 200 ms in the background. */
  private SendStream writeNowAndThen() {
    return SendStream.start(earlier, TOPIC, "e", Duration.ofMillis(200));
  }

  private Set<Long> producerIds() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      TopicPartition partition = new TopicPartition(TOPIC, 0);
      return admin
          .describeProducers(List.of(partition))
          .partitionResult(partition)
          .get()
          .activeProducers()
          .stream()
          .map(ProducerState::producerId)
          .collect(Collectors.toSet());
    }
  }

  private Producer<String, byte[]> plainProducer(String clientId) {
    return new KafkaProducer<>(
        ReliableProducer.settings(broker.bootstrapServers(), clientId),
        new StringSerializer(),
        new ByteArraySerializer());
  }
}
