package com.paystream.testkit.kafka;

import com.paystream.testkit.support.Directories;
import com.paystream.testkit.support.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) running inside this JVM on
 * 127.0.0.1: a node alone, or one node of a cluster whose other nodes run elsewhere ({@link
 * #startNode}). Data lives in a directory that survives {@link #stop()}/{@link #restart()} and,
 * when the caller chose it, also {@link #close()}.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final boolean temporary;
  private final int port;
  private final int controllerPort;
  private final ClusterNode node;
  private KafkaRaftServer server;

  private KafkaBroker(
      Path dataDir, boolean temporary, int port, int controllerPort, ClusterNode node) {
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.port = port;
    this.controllerPort = controllerPort;
    this.node = node;
  }

  /**
   * Starts a broker on a free port; {@code dataDir} null means a temp directory removed on close.
   */
  public static KafkaBroker start(Path dataDir) {
    return start(dataDir, 0);
  }

  /**
   * Starts a broker whose client listener is {@code port} (0 for a free one). An existing,
   * formatted {@code dataDir} is reused with all its topics and offsets.
   */
  public static KafkaBroker start(Path dataDir, int port) {
    return start(dataDir, port, null);
  }

  /**
   * Starts one node of a cluster on client port {@code port}, in {@code dataDir} (kept). It returns
   * once the node is registered and unfenced, which needs a majority of the voters running: start
   * the nodes of a cluster side by side, not one after the other.
   */
  public static KafkaBroker startNode(Path dataDir, int port, ClusterNode node) {
    return start(Objects.requireNonNull(dataDir, "dataDir"), port, node);
  }

  private static KafkaBroker start(Path dataDir, int port, ClusterNode node) {
    ExitGuard.install();
    boolean temporary = dataDir == null;
    Path dir = temporary ? Directories.createTemp("kafka-") : Directories.ensure(dataDir);
    int controllerPort = node == null ? Ports.freePort() : node.controllerPort();
    KafkaBroker broker = new KafkaBroker(dir, temporary, Ports.orFree(port), controllerPort, node);
    try {
      broker.restart();
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  /** {@code host:port} for the {@code bootstrap.servers} of clients. */
  public String bootstrapServers() {
    return BrokerSettings.HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * Starts the broker again on the same port and data directory after {@link #stop()}; committed
   * records and offsets are still there. Does nothing while it runs.
   */
  public synchronized void restart() {
    if (server != null) {
      return;
    }
    long startedNanos = System.nanoTime();
    Path logDir = Directories.ensure(dataDir.resolve("kraft"));
    KafkaConfig config;
    if (node == null) {
      StorageFormat.formatIfNeeded(logDir);
      config =
          KafkaConfig.fromProps(BrokerSettings.singleNode(logDir, port, controllerPort), false);
    } else {
      StorageFormat.formatIfNeeded(logDir, node.nodeId(), node.clusterId());
      config = KafkaConfig.fromProps(BrokerSettings.clusterNode(logDir, port, node), false);
    }
    KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
    server = starting;
    starting.startup();
    awaitReady();
    log.info(
        "Kafka broker ready at {} (data {}) in {} ms",
        bootstrapServers(),
        dataDir,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
  }

  /** Shuts the broker down cleanly and waits for it; the data directory stays. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    KafkaRaftServer stopping = server;
    server = null;
    stopping.shutdown();
    stopping.awaitShutdown();
    log.info("Kafka broker at {} stopped", bootstrapServers());
  }

  /** Stops the broker and removes its data directory if it was a temporary one. */
  @Override
  public synchronized void close() {
    try {
      stop();
    } finally {
      if (temporary) {
        Directories.deleteRecursively(dataDir);
      }
    }
  }

  /**
   * {@code startup()} returns before the broker is unfenced by its controller; until then clients
   * see "no brokers". Waiting for the broker to list itself makes the first admin call reliable.
   */
  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      while (true) {
        try {
          if (registered(admin.describeCluster().nodes().get(5, TimeUnit.SECONDS))) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          log.debug("Kafka broker at {} not ready yet: {}", bootstrapServers(), e.toString());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Kafka broker at " + bootstrapServers() + " not ready within " + READY_TIMEOUT);
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    }
  }

  /** A lone node is ready when it lists any broker; a cluster's node when it lists itself. */
  private boolean registered(Collection<Node> nodes) {
    if (node == null) {
      return !nodes.isEmpty();
    }
    return nodes.stream().anyMatch(n -> n.id() == node.nodeId());
  }
}
