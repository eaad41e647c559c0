package com.paystream.schemas.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The checks over a rendering of the Kubernetes overlays. {@code deploy/kubernetes/check.sh}
 * renders them with {@code kubectl kustomize} and runs this test with {@code
 * -Dpaystream.kubernetes.rendered=<file>,<file>}; without that property (a plain {@code ./mvnw
 * verify}, which needs no kubectl) it is skipped. {@link ManifestChecksTest} shows each check
 * failing on a broken resource.
 */
class RenderedManifestsTest {

  private static final String RENDERED = System.getProperty("paystream.kubernetes.rendered", "");

  @Test
  void everyWorkloadIsProbedBoundedNonRootAndCoveredByABudget() throws IOException {
    assertNoFailures(WorkloadChecks::check);
  }

  @Test
  void kafkaIsReplicatedDurableAndAuthorising() throws IOException {
    assertNoFailures(KafkaChecks::cluster);
  }

  @Test
  void everyCatalogueTopicHasItsKafkaTopicWithTheCataloguesSettings() throws IOException {
    assertNoFailures(KafkaChecks::topics);
  }

  @Test
  void eachKafkaUserMayWriteOnlyTheTopicsTheCatalogueNamesItAWriterOf() throws IOException {
    assertNoFailures(KafkaChecks::users);
  }

  @Test
  void noSecretValueAppears() throws IOException {
    assertNoFailures(SecretChecks::check);
  }

  private static void assertNoFailures(Function<Rendering, List<String>> check) throws IOException {
    assumeTrue(!RENDERED.isBlank(), "no rendering given (-Dpaystream.kubernetes.rendered)");
    List<String> failures = new ArrayList<>();
    for (String file : RENDERED.split(",")) {
      Rendering rendering = Rendering.read(Path.of(file.trim()));
      check.apply(rendering).forEach(failure -> failures.add(rendering.file() + ": " + failure));
    }
    assertThat(failures).isEmpty();
  }
}
