package com.paystream.recon.matching.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.testkit.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real client against the shared broker: what the state directory holds when it starts. */
class ClusterBoundStateIT {

  @TempDir Path stateDir;

  private final String application = SharedInfrastructure.uniqueName("bound-state");
  private String cluster;
  private Path staleTask;

  @BeforeEach
  void staleStateAndATopic() throws Exception {
    String servers = SharedInfrastructure.kafka().bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      cluster = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
      admin
          .createTopics(List.of(new NewTopic(application + ".in", 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    // A task the topology does not have: Kafka Streams itself leaves it alone for ten minutes.
    staleTask = Files.createDirectories(stateDir.resolve(application).resolve("9_9"));
    Files.writeString(staleTask.resolve("unit"), "a payout matched on the cluster before");
  }

  @Test
  void stateBuiltFromAnotherClusterIsWipedBeforeTheStreamsStart() {
    new ClusterBoundState(stateDir, application).belongsTo("the-cluster-before");

    ReconStreams streams = streams(() -> cluster);
    streams.start();
    try {
      assertThat(staleTask).doesNotExist();
      assertThat(new ClusterBoundState(stateDir, application).recorded()).contains(cluster);
    } finally {
      streams.stop();
    }
  }

  @Test
  void stateBuiltFromThisClusterIsKept() {
    new ClusterBoundState(stateDir, application).belongsTo(cluster);

    ReconStreams streams = streams(() -> cluster);
    streams.start();
    try {
      assertThat(staleTask.resolve("unit")).exists();
    } finally {
      streams.stop();
    }
  }

  @Test
  void aClusterThatDoesNotTellItsIdFailsTheStartAndWipesNothing() {
    ReconStreams streams = streams(() -> null);

    assertThatThrownBy(streams::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id");
    assertThat(streams.isRunning()).isFalse();
    assertThat(staleTask.resolve("unit")).exists();
  }

  private ReconStreams streams(Supplier<String> clusterId) {
    StreamsBuilder builder = new StreamsBuilder();
    // A persistent store: without one, Kafka Streams does not use the state directory at all.
    builder.table(application + ".in", Materialized.as("units"));
    Topology topology = builder.build();
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
    config.put(
        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    return new ReconStreams(
        topology, config, new SimpleMeterRegistry(), Duration.ofMinutes(1), clusterId);
  }
}
