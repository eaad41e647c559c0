package com.paystream.schemas.kubernetes;

import com.paystream.schemas.topics.Service;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.Topics;
import com.paystream.schemas.topics.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Writes the Strimzi resources that follow from the topic catalogue: a {@code KafkaTopic} per
 * catalogue topic (partitions, replicas and the configs {@link Topic#newTopic} sets, so the
 * operator creates exactly what a service's startup would) and a {@code KafkaUser} per service,
 * whose ACLs let it write only the topics the catalogue names it a writer of.
 *
 * <p>Plain text, not a YAML library: the output must be byte-for-byte stable for the drift check,
 * and it keeps each ACL's reason as a comment beside it.
 */
final class StrimziResources {

  /** The {@code Kafka} resource the topics and users belong to ({@code strimzi.io/cluster}). */
  static final String CLUSTER = "paystream";

  /** Replicas of every topic: three brokers, so two in sync survive the loss of one. */
  static final short REPLICATION_FACTOR = 3;

  static final String API_VERSION = "kafka.strimzi.io/v1";

  static final String REGENERATE =
      "./mvnw -pl schemas -am test -Dtest=StrimziResourcesTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dpaystream.kubernetes.write=true";

  private StrimziResources() {}

  /** {@code deploy/kubernetes/base/kafka/topics.yaml}. */
  static String topics() {
    StringBuilder out = header("KafkaTopic per catalogue topic");
    for (Topic<?> topic : Topics.all()) {
      NewTopic created = topic.newTopic(REPLICATION_FACTOR);
      out.append("---\n")
          .append("apiVersion: ")
          .append(API_VERSION)
          .append('\n')
          .append("kind: KafkaTopic\n")
          .append("metadata:\n")
          .append("  name: ")
          .append(topic.name())
          .append('\n')
          .append("  labels:\n")
          .append("    strimzi.io/cluster: ")
          .append(CLUSTER)
          .append('\n')
          .append("    app.kubernetes.io/part-of: paystream\n")
          .append("  annotations:\n")
          .append("    paystream.io/writers: ")
          .append(writerNames(topic))
          .append('\n')
          .append("spec:\n")
          .append("  topicName: ")
          .append(topic.name())
          .append('\n')
          .append("  partitions: ")
          .append(created.numPartitions())
          .append('\n')
          .append("  replicas: ")
          .append(created.replicationFactor())
          .append('\n')
          .append("  config:\n");
      for (Map.Entry<String, String> config : created.configs().entrySet()) {
        out.append("    ")
            .append(config.getKey())
            .append(": \"")
            .append(config.getValue())
            .append("\"\n");
      }
    }
    return out.toString();
  }

  /** {@code deploy/kubernetes/base/kafka/users.yaml}. */
  static String users() {
    StringBuilder out = header("KafkaUser per service, its ACLs from the catalogue's writers");
    for (KafkaClient client : KafkaClient.ALL) {
      out.append("---\n")
          .append("apiVersion: ")
          .append(API_VERSION)
          .append('\n')
          .append("kind: KafkaUser\n")
          .append("metadata:\n")
          .append("  name: ")
          .append(client.service().serviceName())
          .append('\n')
          .append("  labels:\n")
          .append("    strimzi.io/cluster: ")
          .append(CLUSTER)
          .append('\n')
          .append("    app.kubernetes.io/part-of: paystream\n")
          .append("spec:\n")
          .append("  authentication:\n")
          .append("    type: tls\n")
          .append("  authorization:\n")
          .append("    type: simple\n")
          .append("    acls:\n");
      topicAcls(client, out);
      for (String group : client.groups()) {
        acl(out, List.of("consumer group"), "group", group, "literal", List.of("Read"));
      }
      client
          .streamsApplicationId()
          .ifPresent(
              id -> {
                acl(
                    out,
                    List.of("Kafka Streams' internal topics (changelogs, repartition topics)"),
                    "topic",
                    id + "-",
                    "prefix",
                    List.of("Read", "Write", "Create", "Delete", "Describe", "DescribeConfigs"));
                acl(
                    out,
                    List.of("exactly_once_v2 producers: <application.id>-<process id>-<thread>"),
                    "transactionalId",
                    id + "-",
                    "prefix",
                    List.of("Write", "Describe"));
              });
    }
    return out.toString();
  }

  /** One ACL per catalogue topic the service touches, with every reason it needs one. */
  private static void topicAcls(KafkaClient client, StringBuilder out) {
    for (Topic<?> topic : Topics.all()) {
      List<String> why = new ArrayList<>();
      List<String> operations = new ArrayList<>();
      client.reads().stream()
          .filter(read -> read.topic().name().equals(topic.name()))
          .findFirst()
          .ifPresent(
              read -> {
                operations.add("Read");
                why.add("reads: " + read.reader());
              });
      writer(topic, client.service())
          .ifPresent(
              writer -> {
                operations.add("Write");
                why.add("writes (catalogue): " + writer.what());
              });
      if (client.creates().stream().anyMatch(t -> t.name().equals(topic.name()))) {
        operations.add("Create");
        why.add("its startup creates it when missing");
      }
      if (!operations.isEmpty()) {
        operations.add("Describe");
        acl(out, why, "topic", topic.name(), "literal", operations);
      }
    }
  }

  private static Optional<Writer> writer(Topic<?> topic, Service service) {
    return topic.writers().stream().filter(w -> w.service() == service).findFirst();
  }

  private static void acl(
      StringBuilder out,
      List<String> why,
      String type,
      String name,
      String patternType,
      List<String> operations) {
    for (String reason : why) {
      out.append("      # ").append(reason).append('\n');
    }
    out.append("      - resource:\n")
        .append("          type: ")
        .append(type)
        .append('\n')
        .append("          name: ")
        .append(name)
        .append('\n')
        .append("          patternType: ")
        .append(patternType)
        .append('\n')
        .append("        operations: [")
        .append(String.join(", ", operations))
        .append("]\n");
  }

  private static String writerNames(Topic<?> topic) {
    return String.join(",", topic.writers().stream().map(w -> w.service().serviceName()).toList());
  }

  private static StringBuilder header(String what) {
    return new StringBuilder()
        .append("# Generated from the topic catalogue (com.paystream.schemas.topics.Topics): one ")
        .append(what)
        .append(".\n")
        .append(
            "# Do not edit. StrimziResourcesTest fails when this file differs; regenerate with\n")
        .append("#   ")
        .append(REGENERATE)
        .append('\n');
  }
}
