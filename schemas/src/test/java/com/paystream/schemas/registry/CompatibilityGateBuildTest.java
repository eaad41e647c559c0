package com.paystream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.Topics;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The gate itself: fails the build when a contract changed without freezing a new version, or when
 * a frozen version breaks BACKWARD_TRANSITIVE compatibility. See schemas/README.md to fix it.
 */
class CompatibilityGateBuildTest {

  @Test
  void frozenVersionsAreCompatibleAndMatchTheGeneratedClasses() {
    Map<String, Schema> current =
        Topics.all().stream().collect(Collectors.toMap(Topic::valueSubject, Topic::valueSchema));

    assertThat(CompatibilityGate.check(PinnedSchemaRegistry.bundled(), current))
        .as("schema compatibility violations (see schemas/README.md, 'Evolving a schema')")
        .isEmpty();
  }

  @Test
  void everyCatalogueSubjectIsFrozen() {
    assertThat(PinnedSchemaRegistry.bundled().subjects())
        .containsAll(Topics.all().stream().map(Topic::valueSubject).toList());
  }
}
