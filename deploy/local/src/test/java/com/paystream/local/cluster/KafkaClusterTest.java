package com.paystream.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClusterTest {

  @TempDir Path dir;

  @Test
  void everyNodeGetsTheSameVotersAndClusterIdAndItsOwnDataAndPorts() {
    KafkaCluster cluster = KafkaCluster.in(dir, ClusterPorts.defaults());

    assertThat(cluster.voters()).isEqualTo("1@127.0.0.1:19192,2@127.0.0.1:19193,3@127.0.0.1:19194");
    assertThat(cluster.arguments(cluster.node(2)))
        .containsExactly(
            "--data-dir",
            dir.resolve("kafka-2").toString(),
            "--port",
            "19093",
            "--node-id",
            "2",
            "--controller-port",
            "19193",
            "--voters",
            cluster.voters(),
            "--cluster-id",
            cluster.clusterId());
  }

  @Test
  void keepsTheClusterIdOfItsDataDirectoryAcrossRestarts() {
    String first = KafkaCluster.in(dir, ClusterPorts.defaults()).clusterId();

    assertThat(KafkaCluster.in(dir, ClusterPorts.defaults()).clusterId()).isEqualTo(first);
    assertThat(KafkaCluster.in(dir.resolve("other"), ClusterPorts.defaults()).clusterId())
        .isNotEqualTo(first);
  }
}
