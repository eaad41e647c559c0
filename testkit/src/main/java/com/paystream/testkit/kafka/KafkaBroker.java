package com.paystream.testkit.kafka;

import com.paystream.testkit.support.Directories;
import com.paystream.testkit.support.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller, one node) running inside this
 * JVM on 127.0.0.1. Data lives in a directory that survives {@link #stop()}/{@link #restart()} and,
 * when the caller chose it, also {@link #close()}.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final boolean temporary;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  private KafkaBroker(Path dataDir, boolean temporary, int port, int controllerPort) {
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.port = port;
    this.controllerPort = controllerPort;
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
    ExitGuard.install();
    boolean temporary = dataDir == null;
    Path dir = temporary ? Directories.createTemp("kafka-") : Directories.ensure(dataDir);
    KafkaBroker broker = new KafkaBroker(dir, temporary, Ports.orFree(port), Ports.freePort());
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
    StorageFormat.formatIfNeeded(logDir);
    KafkaConfig config =
        KafkaConfig.fromProps(BrokerSettings.singleNode(logDir, port, controllerPort), false);
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
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
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
}
