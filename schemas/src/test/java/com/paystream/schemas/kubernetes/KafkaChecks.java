package com.paystream.schemas.kubernetes;

import static com.paystream.schemas.kubernetes.Rendering.at;
import static com.paystream.schemas.kubernetes.Rendering.id;
import static com.paystream.schemas.kubernetes.Rendering.list;
import static com.paystream.schemas.kubernetes.Rendering.map;
import static com.paystream.schemas.kubernetes.Rendering.string;

import com.paystream.schemas.topics.Service;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The Kafka side of a rendering, held to the topic catalogue: the cluster's durability settings, a
 * {@code KafkaTopic} with the catalogue's settings for every catalogue topic (and none besides),
 * and a {@code KafkaUser} per service that may write only the topics the catalogue names it a
 * writer of.
 */
final class KafkaChecks {

  private static final List<String> WRITING = List.of("Write", "All");

  private KafkaChecks() {}

  static List<String> cluster(Rendering rendering) {
    List<String> failures = new ArrayList<>();
    List<Map<String, Object>> clusters = rendering.ofKind("Kafka");
    if (clusters.size() != 1) {
      failures.add("expected one Kafka, found " + clusters.size());
      return failures;
    }
    Map<String, Object> kafka = clusters.get(0);
    Map<String, Object> config = map(kafka, "spec.kafka.config");
    expect(config, "min.insync.replicas", "2", failures);
    expect(config, "default.replication.factor", "3", failures);
    expect(config, "unclean.leader.election.enable", "false", failures);
    expect(config, "auto.create.topics.enable", "false", failures);
    if (!"simple".equals(string(kafka, "spec.kafka.authorization.type").orElse(""))) {
      failures.add("Kafka: ACLs are not enforced (spec.kafka.authorization.type is not simple)");
    }
    for (Map<String, Object> listener : list(kafka, "spec.kafka.listeners")) {
      if (at(listener, "authentication.type").isEmpty()) {
        failures.add("Kafka: listener " + listener.get("name") + " takes unauthenticated clients");
      }
    }
    int brokers =
        rendering.ofKind("KafkaNodePool").stream()
            .filter(
                pool ->
                    at(pool, "spec.roles").map(r -> ((List<?>) r).contains("broker")).orElse(false))
            .mapToInt(pool -> at(pool, "spec.replicas").map(Integer.class::cast).orElse(0))
            .sum();
    if (brokers < 3) {
      failures.add(
          "Kafka: " + brokers + " brokers in the node pools, replication factor 3 needs 3");
    }
    return failures;
  }

  private static void expect(
      Map<String, Object> config, String key, String value, List<String> failures) {
    if (!value.equals(String.valueOf(config.get(key)))) {
      failures.add("Kafka: " + key + " is " + config.get(key) + ", not " + value);
    }
  }

  static List<String> topics(Rendering rendering) {
    List<String> failures = new ArrayList<>();
    List<Map<String, Object>> declared = rendering.ofKind("KafkaTopic");
    for (Topic<?> topic : Topics.all()) {
      Optional<Map<String, Object>> found =
          declared.stream().filter(t -> topic.name().equals(topicName(t))).findFirst();
      if (found.isEmpty()) {
        failures.add("no KafkaTopic for catalogue topic " + topic.name());
        continue;
      }
      NewTopic expected = topic.newTopic(StrimziResources.REPLICATION_FACTOR);
      Map<String, Object> resource = found.get();
      compare(
          topic, "partitions", expected.numPartitions(), at(resource, "spec.partitions"), failures);
      compare(
          topic, "replicas", expected.replicationFactor(), at(resource, "spec.replicas"), failures);
      Map<String, Object> config = map(resource, "spec.config");
      expected
          .configs()
          .forEach(
              (key, value) ->
                  compare(topic, key, value, Optional.ofNullable(config.get(key)), failures));
    }
    for (Map<String, Object> resource : declared) {
      if (Topics.byName(topicName(resource)).isEmpty()) {
        failures.add(id(resource) + ": topic " + topicName(resource) + " is not in the catalogue");
      }
    }
    return failures;
  }

  private static void compare(
      Topic<?> topic,
      String what,
      Object expected,
      Optional<Object> actual,
      List<String> failures) {
    String value = actual.map(String::valueOf).orElse("unset");
    if (!String.valueOf(expected).equals(value)) {
      failures.add(
          "KafkaTopic "
              + topic.name()
              + ": "
              + what
              + " is "
              + value
              + ", the catalogue says "
              + expected);
    }
  }

  private static String topicName(Map<String, Object> kafkaTopic) {
    return string(kafkaTopic, "spec.topicName").orElse(Rendering.name(kafkaTopic));
  }

  static List<String> users(Rendering rendering) {
    List<String> failures = new ArrayList<>();
    for (Service service : Service.values()) {
      Optional<Map<String, Object>> user = rendering.named("KafkaUser", service.serviceName());
      if (user.isEmpty()) {
        failures.add("no KafkaUser " + service.serviceName());
        continue;
      }
      failures.addAll(user(service, user.get()));
    }
    for (Map<String, Object> user : rendering.ofKind("KafkaUser")) {
      boolean known =
          List.of(Service.values()).stream()
              .anyMatch(s -> s.serviceName().equals(Rendering.name(user)));
      if (!known) {
        failures.add(id(user) + ": not a service of the catalogue");
      }
    }
    return failures;
  }

  private static List<String> user(Service service, Map<String, Object> user) {
    List<String> failures = new ArrayList<>();
    String id = id(user);
    String authentication = string(user, "spec.authentication.type").orElse("none");
    if (!List.of("tls", "scram-sha-512").contains(authentication)) {
      failures.add(id + ": authentication " + authentication + ", not tls or scram-sha-512");
    }
    if (!"simple".equals(string(user, "spec.authorization.type").orElse(""))) {
      failures.add(id + ": no simple authorization, so no ACLs");
    }
    List<String> written = new ArrayList<>();
    for (Map<String, Object> acl : list(user, "spec.authorization.acls")) {
      acl(service, acl, written, failures);
    }
    for (Topic<?> topic : Topics.all()) {
      boolean writer = topic.writers().stream().anyMatch(w -> w.service() == service);
      if (writer && !written.contains(topic.name())) {
        failures.add(
            id + ": the catalogue names it a writer of " + topic.name() + ", no ACL lets it");
      }
    }
    return failures;
  }

  /** Refuses any write the catalogue does not give the service; notes the topics it may write. */
  private static void acl(
      Service service, Map<String, Object> acl, List<String> written, List<String> failures) {
    String who = service.serviceName();
    String type = string(acl, "resource.type").orElse("?");
    String name = string(acl, "resource.name").orElse("*");
    String pattern = string(acl, "resource.patternType").orElse("literal");
    List<?> operations = at(acl, "operations").map(List.class::cast).orElse(List.of());
    if ("deny".equals(string(acl, "type").orElse("allow"))) {
      return;
    }
    if ("cluster".equals(type)) {
      failures.add("KafkaUser/" + who + ": an ACL on the cluster " + operations);
      return;
    }
    if (!"topic".equals(type) || operations.stream().noneMatch(WRITING::contains)) {
      return;
    }
    if (name.equals("*")) {
      failures.add("KafkaUser/" + who + ": may write every topic");
    } else if ("literal".equals(pattern)) {
      Optional<Topic<?>> topic = Topics.byName(name);
      if (topic.isEmpty()) {
        failures.add(
            "KafkaUser/" + who + ": may write " + name + ", which is not in the catalogue");
      } else if (topic.get().writers().stream().noneMatch(w -> w.service() == service)) {
        failures.add(
            "KafkaUser/"
                + who
                + ": may write "
                + name
                + ", the catalogue's writers are "
                + writers(topic.get()));
      } else {
        written.add(name);
      }
    } else {
      Topics.all().stream()
          .filter(topic -> topic.name().startsWith(name))
          .forEach(
              topic ->
                  failures.add(
                      "KafkaUser/"
                          + who
                          + ": prefix "
                          + name
                          + " lets it write catalogue topic "
                          + topic.name()));
    }
  }

  private static List<String> writers(Topic<?> topic) {
    return topic.writers().stream().map(w -> w.service().serviceName()).toList();
  }
}
