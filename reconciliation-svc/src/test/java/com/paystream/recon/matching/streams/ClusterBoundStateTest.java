package com.paystream.recon.matching.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterBoundStateTest {

  @TempDir Path stateDir;

  private ClusterBoundState local() {
    return new ClusterBoundState(stateDir, "recon");
  }

  private void someState() throws IOException {
    Files.createDirectories(stateDir.resolve("recon").resolve("1_0").resolve("rocksdb"));
  }

  @Test
  void noStateIsForeignToNoCluster() {
    assertThat(local().foreignTo("cluster-a")).isFalse();
  }

  @Test
  void theClientsOwnFilesAreNoState() throws IOException {
    // KafkaStreams' constructor writes these into a fresh directory
    Files.createDirectories(stateDir.resolve("recon"));
    Files.writeString(stateDir.resolve("recon").resolve("kafka-streams-process-metadata"), "{}");
    Files.writeString(stateDir.resolve("recon").resolve(".lock"), "");

    assertThat(local().foreignTo("cluster-a")).isFalse();
  }

  @Test
  void stateOfTheSameClusterIsKept() throws IOException {
    someState();
    local().belongsTo("cluster-a");

    assertThat(local().foreignTo("cluster-a")).isFalse();
  }

  @Test
  void stateOfAnotherClusterIsForeign() throws IOException {
    someState();
    local().belongsTo("cluster-a");

    assertThat(local().foreignTo("cluster-b")).isTrue();
    assertThat(local().recorded()).contains("cluster-a");
  }

  @Test
  void stateOfAnUnrecordedClusterIsForeign() throws IOException {
    // written before the check existed, or its record lost: nothing says where it came from
    someState();

    assertThat(local().foreignTo("cluster-a")).isTrue();
  }

  @Test
  void theRecordIsReplacedWhole() throws IOException {
    local().belongsTo("cluster-a");
    local().belongsTo("cluster-b");

    assertThat(local().recorded()).contains("cluster-b");
    try (var files = Files.list(stateDir)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactly("recon.kafka-cluster-id");
    }
  }
}
