package com.paystream.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.junit.RealInfrastructure;
import com.paystream.testkit.kafka.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Topic creation against the real broker of the test kit. */
@RealInfrastructure
class TopicCatalogueTest {

  private Admin admin;
  private String prefix;

  @BeforeEach
  void connect(KafkaBroker broker) {
    admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    prefix = SharedInfrastructure.uniqueName("catalogue") + ".";
  }

  @AfterEach
  void disconnect() {
    admin.close(Duration.ofSeconds(5));
  }

  @Test
  void createsEveryTopicWithItsPartitionsAndRetention() {
    List<Topic<?>> topics = Topics.all(prefix);

    List<String> created = TopicCatalogue.ensureCreated(admin, (short) 1, topics);

    assertThat(created).containsExactlyElementsOf(topics.stream().map(Topic::name).toList());
    Map<String, TopicDescription> descriptions = describe(created);
    assertThat(descriptions.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(6));
    Config callbacks = config(prefix + "payments.callbacks.v1");
    assertThat(callbacks.get("retention.ms").value()).isEqualTo("-1");
    assertThat(callbacks.get("retention.bytes").value()).isEqualTo("-1");
    assertThat(callbacks.get("cleanup.policy").value()).isEqualTo("delete");
    assertThat(callbacks.get("min.insync.replicas").value()).isEqualTo("1");
    assertThat(config(prefix + "recon.results.v1").get("retention.ms").value())
        .isEqualTo(Long.toString(Duration.ofDays(400).toMillis()));
  }

  @Test
  void runningAgainCreatesNothingAndDoesNotFail() {
    List<Topic<?>> topics = Topics.all(prefix);
    TopicCatalogue.ensureCreated(admin, (short) 1, topics);

    List<String> createdAgain = TopicCatalogue.ensureCreated(admin, (short) 1, topics);

    assertThat(createdAgain).isEmpty();
  }

  @Test
  void createsOnlyTheMissingOnesAndLeavesExistingTopicsAsTheyAre() throws Exception {
    String existing = prefix + "ledger.entries.v1";
    admin.createTopics(List.of(new NewTopic(existing, 2, (short) 1))).all().get();

    List<String> created = TopicCatalogue.ensureCreated(admin, (short) 1, Topics.all(prefix));

    assertThat(created).hasSize(Topics.all().size() - 1).doesNotContain(existing);
    assertThat(describe(List.of(existing)).get(existing).partitions()).hasSize(2);
  }

  /** Waits until the broker's metadata shows the topics: creation is visible a moment later. */
  private Map<String, TopicDescription> describe(List<String> names) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> admin.describeTopics(names).allTopicNames().get(), d -> d.size() == names.size());
  }

  private Config config(String topic) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> admin.describeConfigs(Set.of(resource)).all().get().get(resource),
            c -> c != null);
  }
}
