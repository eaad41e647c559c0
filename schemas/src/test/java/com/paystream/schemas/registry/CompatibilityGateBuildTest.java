package com.paystream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.Topics;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The gate itself: fails the build when a contract changed without freezing a new version, or when
 * a frozen version breaks FULL_TRANSITIVE compatibility (the public topics' subjects: all of them).
 * See schemas/README.md to fix it.
 */
class CompatibilityGateBuildTest {

  @Test
  void frozenVersionsAreCompatibleAndMatchTheGeneratedClasses() {
    Map<String, Schema> current = Topics.currentSchemas();

    assertThat(
            CompatibilityGate.check(
                PinnedSchemaRegistry.bundled(), current, Set.copyOf(Topics.publicSubjects())))
        .as("schema compatibility violations (see schemas/README.md, 'Evolving a schema')")
        .isEmpty();
  }

  @Test
  void everyCatalogueSubjectIsPublicAndSoCheckedFullTransitive() {
    assertThat(Topics.publicSubjects())
        .containsExactlyInAnyOrderElementsOf(Topics.currentSchemas().keySet());
  }

  @Test
  void everyCatalogueSubjectIsFrozen() {
    assertThat(PinnedSchemaRegistry.bundled().subjects())
        .containsAll(Topics.all().stream().map(Topic::valueSubject).toList());
  }
}
