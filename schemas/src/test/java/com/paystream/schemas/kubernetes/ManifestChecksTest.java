package com.paystream.schemas.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Each check over a rendering passes a sound resource and fails a broken one, naming it. */
class ManifestChecksTest {

  private static final String POD_TEMPLATE =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: ledger-svc, namespace: p}
      data: {PAYSTREAM_TOPICS_REPLICATION_FACTOR: "3"}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: ledger-svc, namespace: p}
      spec:
        replicas: 2
        template:
          metadata:
            labels: {app.kubernetes.io/name: ledger-svc, app.kubernetes.io/part-of: paystream}
          spec:
            securityContext: {runAsNonRoot: true}
            containers:
              - name: ledger-svc
                envFrom: [{configMapRef: {name: ledger-svc}}]
                env:
                  - name: LEDGER_DB_PASSWORD
                    valueFrom: {secretKeyRef: {name: paystream-pg-ledger-runtime, key: password}}
                livenessProbe: {httpGet: {path: /actuator/health/liveness, port: http}}
                READINESS
                resources:
                  requests: {cpu: 500m, memory: 1Gi}
                  limits: {cpu: "2", memory: 1Gi}
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: [ALL]}
      """;

  private static final String READINESS =
      "readinessProbe: {httpGet: {path: /actuator/health/readiness, port: http}}";

  private static final String BUDGET =
      """
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: ledger-svc, namespace: p}
      spec:
        minAvailable: 1
        selector: {matchLabels: {app.kubernetes.io/name: ledger-svc}}
      """;

  @Test
  void aProbedBoundedNonRootWorkloadWithABudgetPasses() {
    Rendering rendering =
        Rendering.parse("ok", POD_TEMPLATE.replace("READINESS", READINESS) + "---\n" + BUDGET);

    assertThat(WorkloadChecks.check(rendering)).isEmpty();
  }

  @Test
  void aWorkloadWithoutReadinessProbeOrBudgetFails() {
    Rendering rendering = Rendering.parse("broken", POD_TEMPLATE.replace("READINESS", ""));

    assertThat(WorkloadChecks.check(rendering))
        .containsExactly(
            "Deployment/ledger-svc container ledger-svc: no readinessProbe",
            "Deployment/ledger-svc: no PodDisruptionBudget selects its pods");
  }

  @Test
  void aWorkloadRunAsRootOrWithoutLimitsFails() {
    Rendering rendering =
        Rendering.parse(
            "broken",
            POD_TEMPLATE
                    .replace("READINESS", READINESS)
                    .replace("{runAsNonRoot: true}", "{runAsNonRoot: false}")
                    .replace("limits: {cpu: \"2\", memory: 1Gi}", "limits: {cpu: \"2\"}")
                + "---\n"
                + BUDGET);

    assertThat(WorkloadChecks.check(rendering))
        .containsExactly(
            "Deployment/ledger-svc container ledger-svc: no resources.limits.memory",
            "Deployment/ledger-svc container ledger-svc: runAsNonRoot is not true");
  }

  @Test
  void theGeneratedTopicsAndUsersPass() throws IOException {
    Rendering rendering = generated();

    assertThat(KafkaChecks.topics(rendering)).isEmpty();
    assertThat(KafkaChecks.users(rendering)).isEmpty();
  }

  @Test
  void aTopicWhoseRetentionDiffersFromTheCatalogueFails() throws IOException {
    Rendering rendering =
        Rendering.parse(
            "broken",
            StrimziResources.topics()
                .replaceFirst("retention.ms: \"-1\"", "retention.ms: \"604800000\""));

    assertThat(KafkaChecks.topics(rendering))
        .containsExactly(
            "KafkaTopic payments.callbacks.v1: retention.ms is 604800000, the catalogue says -1");
  }

  @Test
  void aUserAllowedToWriteAnotherServicesTopicFails() {
    Rendering rendering =
        Rendering.parse(
            "broken",
            StrimziResources.users()
                .replace(
                    "name: recon.results.v1\n          patternType: literal\n"
                        + "        operations: [Read, Describe]",
                    "name: recon.results.v1\n          patternType: literal\n"
                        + "        operations: [Read, Write, Describe]"));

    assertThat(KafkaChecks.users(rendering))
        .containsExactly(
            "KafkaUser/payment-gateway-svc: may write recon.results.v1, the catalogue's writers"
                + " are [reconciliation-svc]");
  }

  @Test
  void aPrefixCoveringACatalogueTopicFails() {
    Rendering rendering =
        Rendering.parse(
            "broken",
            StrimziResources.users().replace("name: reconciliation-svc-\n", "name: recon.\n"));

    assertThat(KafkaChecks.users(rendering))
        .contains(
            "KafkaUser/reconciliation-svc: prefix recon. lets it write catalogue topic"
                + " recon.results.v1");
  }

  @Test
  void secretValuesInTheManifestsFail() {
    Rendering rendering =
        Rendering.parse(
            "broken",
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: paystream-pg-ledger-runtime}
            stringData: {username: ledger_runtime, password: hunter2hunter2}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ledger-svc}
            data:
              LEDGER_DB_PASSWORD: hunter2hunter2
              SPRING_DATASOURCE_URL: jdbc:postgresql://pg:5432/ledger?user=l&password=hunter2
              PAYSTREAM_LEDGER_SEAL_PRIVATEKEYFILE: /etc/paystream/seal/private-key.pem
            """);

    assertThat(SecretChecks.check(rendering))
        .containsExactlyInAnyOrder(
            "Secret/paystream-pg-ledger-runtime: a Secret with values in the manifests",
            "Secret/paystream-pg-ledger-runtime password: a literal value for a secret; reference a"
                + " Secret instead",
            "ConfigMap/ledger-svc LEDGER_DB_PASSWORD: a literal value for a secret; reference a"
                + " Secret instead",
            "ConfigMap/ledger-svc: a value that looks like a secret"
                + " ((?i)[?&;](password|pass|pwd)=[^&\\s]+)");
  }

  private static Rendering generated() throws IOException {
    return Rendering.read(KubernetesDirectory.base().resolve("kafka/topics.yaml"))
        .with(Rendering.read(KubernetesDirectory.base().resolve("kafka/users.yaml")));
  }
}
