package com.paystream.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.testkit.kafka.ClusterNode;
import com.paystream.testkit.kafka.KafkaBrokerMain;
import com.paystream.testkit.kafka.KafkaQuorum;
import com.paystream.testkit.support.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three broker processes forming one KRaft cluster, as the local stack's cluster mode runs them:
 * replicated three times with two in sync, and losing the active controller (kill -9) loses no
 * acknowledged record and stops no writer.
 */
class KafkaClusterProcessesTest {

  private static final int NODES = 3;

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final Map<Integer, Path> logs = new java.util.HashMap<>();

  @AfterEach
  void stopAll() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void losingTheActiveControllerLosesNoAcknowledgedRecordAndStopsNoWriter() throws Exception {
    List<Integer> clientPorts = new ArrayList<>();
    List<Integer> controllerPorts = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      clientPorts.add(Ports.freePort());
      controllerPorts.add(Ports.freePort());
    }
    String voters = ClusterNode.voters(controllerPorts);
    String clusterId = Uuid.randomUuid().toString();
    for (int i = 0; i < NODES; i++) {
      processes.add(
          startNode(i + 1, clientPorts.get(i), controllerPorts.get(i), voters, clusterId));
    }
    for (int i = 0; i < NODES; i++) {
      ChildJvm.awaitLine(
          processes.get(i), log(i + 1), "KAFKA READY bootstrap=127.0.0.1:" + clientPorts.get(i));
    }
    String bootstrap =
        clientPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    String topic = "cluster.check.v1";

    try (Admin admin = admin(bootstrap)) {
      // No replication factor given: the cluster's default applies, as for the services' topics.
      admin
          .createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty())))
          .all()
          .get();
      // A broker may answer before the new topic's metadata reached it: ask until one knows it.
      List<Integer> replicas =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .ignoreExceptionsInstanceOf(ExecutionException.class)
              .until(() -> replicaCounts(admin, topic), counts -> !counts.isEmpty());
      assertThat(replicas).containsOnly(3);
      Map<String, String> brokerConfig = brokerConfig(admin, "1");
      assertThat(brokerConfig)
          .containsEntry("min.insync.replicas", "2")
          .containsEntry("unclean.leader.election.enable", "false")
          .containsEntry("offsets.topic.replication.factor", "3")
          .containsEntry("transaction.state.log.min.isr", "2");
    }

    Set<String> sent = new HashSet<>();
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      for (int i = 0; i < 100; i++) {
        producer.send(new ProducerRecord<>(topic, "pay_" + i, "before-" + i)).get();
        sent.add("before-" + i);
      }
      int controller = KafkaQuorum.activeController(bootstrap);
      Process killed = processes.get(controller - 1);
      killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

      for (int i = 0; i < 100; i++) {
        producer
            .send(new ProducerRecord<>(topic, "pay_" + i, "after-" + i))
            .get(60, TimeUnit.SECONDS);
        sent.add("after-" + i);
      }
      String survivors =
          clientPorts.stream()
              .filter(p -> !p.equals(clientPorts.get(controller - 1)))
              .map(p -> "127.0.0.1:" + p)
              .collect(Collectors.joining(","));
      assertThat(KafkaQuorum.activeController(survivors)).isNotEqualTo(controller);

      processes.set(
          controller - 1,
          startNode(
              controller,
              clientPorts.get(controller - 1),
              controllerPorts.get(controller - 1),
              voters,
              clusterId));
      try (Admin admin = admin(bootstrap)) {
        Awaitility.await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptions()
            .until(() -> inSyncCounts(admin, topic).stream().allMatch(n -> n == 3));
      }
    }

    assertThat(consumeAll(bootstrap, topic, sent.size())).containsExactlyInAnyOrderElementsOf(sent);
  }

  private Process startNode(
      int nodeId, int clientPort, int controllerPort, String voters, String clusterId)
      throws Exception {
    Path log = dir.resolve("kafka-" + nodeId + "-" + System.nanoTime() + ".log");
    logs.put(nodeId, log);
    return ChildJvm.start(
        KafkaBrokerMain.class,
        log,
        "--data-dir",
        dir.resolve("kafka-" + nodeId).toString(),
        "--port",
        Integer.toString(clientPort),
        "--node-id",
        Integer.toString(nodeId),
        "--controller-port",
        Integer.toString(controllerPort),
        "--voters",
        voters,
        "--cluster-id",
        clusterId);
  }

  private Path log(int nodeId) {
    return logs.get(nodeId);
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private static List<Integer> replicaCounts(Admin admin, String topic) throws Exception {
    return partitions(admin, topic).stream().map(p -> p.replicas().size()).toList();
  }

  private static List<Integer> inSyncCounts(Admin admin, String topic) throws Exception {
    return partitions(admin, topic).stream().map(p -> p.isr().size()).toList();
  }

  private static List<TopicPartitionInfo> partitions(Admin admin, String topic) throws Exception {
    TopicDescription description =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    return description.partitions();
  }

  private static Map<String, String> brokerConfig(Admin admin, String brokerId) throws Exception {
    ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, brokerId);
    return admin.describeConfigs(List.of(broker)).all().get().get(broker).entries().stream()
        .filter(e -> e.value() != null)
        .collect(Collectors.toMap(e -> e.name(), e -> e.value()));
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static List<String> consumeAll(String bootstrap, String topic, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "cluster-check");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
