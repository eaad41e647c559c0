package com.paystream.schemas.kubernetes;

import static com.paystream.schemas.kubernetes.Rendering.at;
import static com.paystream.schemas.kubernetes.Rendering.id;
import static com.paystream.schemas.kubernetes.Rendering.list;
import static com.paystream.schemas.kubernetes.Rendering.map;
import static com.paystream.schemas.kubernetes.Rendering.string;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every Deployment and StatefulSet: both health probes on the actuator's groups, requests and
 * limits, non-root with a read-only root filesystem and no capabilities, at least two pods (or an
 * HPA with that floor), a PodDisruptionBudget that selects its pods, and the topics' replication
 * factor 3.
 */
final class WorkloadChecks {

  private static final List<String> WORKLOADS = List.of("Deployment", "StatefulSet");

  private WorkloadChecks() {}

  static List<String> check(Rendering rendering) {
    List<String> failures = new ArrayList<>();
    for (String kind : WORKLOADS) {
      for (Map<String, Object> workload : rendering.ofKind(kind)) {
        failures.addAll(workload(rendering, workload));
      }
    }
    return failures;
  }

  private static List<String> workload(Rendering rendering, Map<String, Object> workload) {
    List<String> failures = new ArrayList<>();
    String id = id(workload);
    Map<String, Object> pod = map(workload, "spec.template.spec");
    List<Map<String, Object>> containers = list(pod, "containers");
    if (containers.isEmpty()) {
      failures.add(id + ": no containers");
    }
    for (Map<String, Object> container : containers) {
      String where = id + " container " + container.get("name");
      probe(container, "livenessProbe", "/actuator/health/liveness", where, failures);
      probe(container, "readinessProbe", "/actuator/health/readiness", where, failures);
      resources(container, where, failures);
      security(pod, container, where, failures);
      if (!"3"
          .equals(environment(rendering, container).get("PAYSTREAM_TOPICS_REPLICATION_FACTOR"))) {
        failures.add(where + ": PAYSTREAM_TOPICS_REPLICATION_FACTOR is not 3");
      }
    }
    budget(rendering, workload, failures);
    replicas(rendering, workload, failures);
    return failures;
  }

  private static void probe(
      Map<String, Object> container,
      String probe,
      String path,
      String where,
      List<String> failures) {
    Optional<String> actual = string(container, probe + ".httpGet.path");
    if (actual.isEmpty()) {
      failures.add(where + ": no " + probe);
    } else if (!actual.get().equals(path)) {
      failures.add(where + ": " + probe + " asks " + actual.get() + ", not " + path);
    }
  }

  private static void resources(
      Map<String, Object> container, String where, List<String> failures) {
    for (String quantity :
        List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
      if (at(container, "resources." + quantity).isEmpty()) {
        failures.add(where + ": no resources." + quantity);
      }
    }
  }

  private static void security(
      Map<String, Object> pod, Map<String, Object> container, String where, List<String> failures) {
    boolean nonRoot =
        at(container, "securityContext.runAsNonRoot")
            .or(() -> at(pod, "securityContext.runAsNonRoot"))
            .map(Boolean.TRUE::equals)
            .orElse(false);
    if (!nonRoot) {
      failures.add(where + ": runAsNonRoot is not true");
    }
    if (!Boolean.TRUE.equals(
        at(container, "securityContext.readOnlyRootFilesystem").orElse(null))) {
      failures.add(where + ": readOnlyRootFilesystem is not true");
    }
    if (!Boolean.FALSE.equals(
        at(container, "securityContext.allowPrivilegeEscalation").orElse(null))) {
      failures.add(where + ": allowPrivilegeEscalation is not false");
    }
    Object drop = at(container, "securityContext.capabilities.drop").orElse(List.of());
    if (!(drop instanceof List<?> dropped) || !dropped.contains("ALL")) {
      failures.add(where + ": capabilities do not drop ALL");
    }
  }

  /** Literal env values and those of the ConfigMaps it takes whole ({@code envFrom}). */
  static Map<String, String> environment(Rendering rendering, Map<String, Object> container) {
    Map<String, String> environment = new HashMap<>();
    for (Map<String, Object> source : list(container, "envFrom")) {
      string(source, "configMapRef.name")
          .flatMap(name -> rendering.named("ConfigMap", name))
          .ifPresent(
              configMap ->
                  map(configMap, "data").forEach((k, v) -> environment.put(k, String.valueOf(v))));
    }
    for (Map<String, Object> variable : list(container, "env")) {
      if (variable.containsKey("value")) {
        environment.put(
            String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
      }
    }
    return environment;
  }

  private static void budget(
      Rendering rendering, Map<String, Object> workload, List<String> failures) {
    Map<String, Object> labels = map(workload, "spec.template.metadata.labels");
    boolean covered =
        rendering.ofKind("PodDisruptionBudget").stream()
            .filter(pdb -> sameNamespace(pdb, workload))
            .map(pdb -> map(pdb, "spec.selector.matchLabels"))
            .anyMatch(
                selector ->
                    !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet()));
    if (!covered) {
      failures.add(id(workload) + ": no PodDisruptionBudget selects its pods");
    }
  }

  private static void replicas(
      Rendering rendering, Map<String, Object> workload, List<String> failures) {
    int floor =
        rendering.ofKind("HorizontalPodAutoscaler").stream()
            .filter(hpa -> sameNamespace(hpa, workload))
            .filter(
                hpa ->
                    workload.get("kind").equals(string(hpa, "spec.scaleTargetRef.kind").orElse("")))
            .filter(
                hpa ->
                    Rendering.name(workload)
                        .equals(string(hpa, "spec.scaleTargetRef.name").orElse("")))
            .map(hpa -> at(hpa, "spec.minReplicas").map(Integer.class::cast).orElse(1))
            .findFirst()
            .orElseGet(() -> at(workload, "spec.replicas").map(Integer.class::cast).orElse(1));
    if (floor < 2) {
      failures.add(id(workload) + ": fewer than 2 pods (" + floor + "), no pod may be disrupted");
    }
  }

  private static boolean sameNamespace(Map<String, Object> a, Map<String, Object> b) {
    return string(a, "metadata.namespace").equals(string(b, "metadata.namespace"));
  }
}
