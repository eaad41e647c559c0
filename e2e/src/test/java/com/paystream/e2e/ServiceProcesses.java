package com.paystream.e2e;

import static org.awaitility.Awaitility.await;

import com.paystream.local.HttpReadiness;
import com.paystream.local.process.ChildSpec;
import com.paystream.local.process.SupervisedChild;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The services as separate processes ({@code java -jar …-exec.jar}, exactly as the local stack runs
 * them), supervised (restarted when they die), with their logs in one directory.
 */
final class ServiceProcesses {

  static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

  private ServiceProcesses() {}

  /** What the tests add to every service's arguments: their topics, and shorter schedules. */
  static List<String> testArgs(String topicPrefix) {
    return List.of(
        "--paystream.topics.prefix=" + topicPrefix,
        // Compressed so that a test can watch a re-delivery; the ledger dedupes anyway.
        "--paystream.relay.redelivery-schedule=20s,1m,5m",
        // As in the local stack: a lost webhook is found by reconciliation of the provider's
        // statement (LOST_ORDER), which makes the gateway ask at once; the overdue query would
        // only ask after the threshold.
        "--paystream.status-queries.poll-interval=1s",
        // Every suite its own Kafka Streams application (group and state): two suites in one test
        // JVM (the shared one and a replicated one) would otherwise join one group with different
        // topics and lock each other out of the same state directory.
        "--paystream.recon.application-id=" + topicPrefix + "reconciliation-svc",
        "--paystream.recon.state-dir="
            + Path.of(System.getProperty("java.io.tmpdir"), "paystream-recon-" + topicPrefix),
        "--logging.structured.format.console=logstash");
  }

  /**
   * The same for a cluster's instances, less the Kafka Streams state directory: each reconciliation
   * instance has its own (from the cluster's arguments), and one shared would lock the second out.
   */
  static List<String> clusterTestArgs(String topicPrefix) {
    return testArgs(topicPrefix).stream()
        .filter(arg -> !arg.startsWith("--paystream.recon.state-dir="))
        .toList();
  }

  /** Starts every service and waits until all of them are ready. */
  static List<SupervisedChild> start(
      List<ServiceSpec> specs, Path logs, ScheduledExecutorService scheduler) {
    List<SupervisedChild> children = new ArrayList<>();
    for (ServiceSpec spec : specs) {
      SupervisedChild child = new SupervisedChild(childSpec(spec, logs), scheduler);
      child.start();
      children.add(child);
    }
    try {
      awaitReady(children);
    } catch (RuntimeException e) {
      // Not ready in time: stop them, or they would hold their ports for the next attempt.
      children.parallelStream().forEach(SupervisedChild::stop);
      throw e;
    }
    return children;
  }

  static void awaitReady(List<SupervisedChild> children) {
    await()
        .atMost(READY_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> children.stream().allMatch(SupervisedChild::isReady));
  }

  private static ChildSpec childSpec(ServiceSpec spec, Path logs) {
    Path root = Path.of(System.getProperty("paystream.repository.root", "..")).toAbsolutePath();
    String version = System.getProperty("paystream.version", "0.1.0-SNAPSHOT");
    createDirectories(logs);
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-Xmx384m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(spec.execJar(root, version).toString());
    command.addAll(spec.args());
    return new ChildSpec(
        spec.name(),
        command,
        logs.resolve(spec.name() + ".log"),
        HttpReadiness.of(spec.readinessUrl()),
        Duration.ofSeconds(30),
        spec.environment());
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A free HTTP port for each service and for the provider simulator. */
  static Map<String, Integer> freePorts() {
    Map<String, Integer> ports = new HashMap<>();
    for (String name : ServiceCatalog.DEFAULT_PORTS.keySet()) {
      ports.put(name, freePort());
    }
    return Map.copyOf(ports);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
