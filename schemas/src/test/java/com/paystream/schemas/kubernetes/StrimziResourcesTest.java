package com.paystream.schemas.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed Strimzi topics and users are what the catalogue generates. With {@code
 * -Dpaystream.kubernetes.write=true} the test writes them instead (see {@link
 * StrimziResources#REGENERATE}).
 */
class StrimziResourcesTest {

  private static final boolean WRITE = Boolean.getBoolean("paystream.kubernetes.write");

  @Test
  void committedKafkaTopicsAreTheCatalogues() throws IOException {
    matchesOrWrites(
        KubernetesDirectory.base().resolve("kafka/topics.yaml"), StrimziResources.topics());
  }

  @Test
  void committedKafkaUsersAreTheCatalogues() throws IOException {
    matchesOrWrites(
        KubernetesDirectory.base().resolve("kafka/users.yaml"), StrimziResources.users());
  }

  private static void matchesOrWrites(Path file, String generated) throws IOException {
    if (WRITE) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
      return;
    }
    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertThat(committed)
        .as(
            "%s differs from what the topic catalogue generates; regenerate it with%n  %s",
            file, StrimziResources.REGENERATE)
        .isEqualTo(generated);
  }
}
