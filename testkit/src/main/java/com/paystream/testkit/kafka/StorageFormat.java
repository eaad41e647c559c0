package com.paystream.testkit.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does, without the tool's
 * {@code main} (which calls {@code System.exit}).
 */
final class StorageFormat {

  private static final Logger log = LoggerFactory.getLogger(StorageFormat.class);
  private static final String META_PROPERTIES = "meta.properties";

  private StorageFormat() {}

  /** Formats the directory unless an earlier run did; a formatted directory keeps its data. */
  static void formatIfNeeded(Path logDir) {
    formatIfNeeded(logDir, BrokerSettings.NODE_ID, Uuid.randomUuid().toString());
  }

  /**
   * Formats the directory of node {@code nodeId} of cluster {@code clusterId} unless an earlier run
   * did (the nodes of one cluster must share the id).
   */
  static void formatIfNeeded(Path logDir, int nodeId, String clusterId) {
    if (Files.exists(logDir.resolve(META_PROPERTIES))) {
      log.debug("Kafka log directory {} is already formatted", logDir);
      return;
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(out)
          .setNodeId(nodeId)
          .setClusterId(clusterId)
          .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
          .setMetadataLogDirectory(logDir.toString())
          .addDirectory(logDir.toString())
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the Kafka log directory " + logDir, e);
    }
    log.info("Formatted Kafka log directory {}", logDir);
    log.debug("Formatter output: {}", output.toString(StandardCharsets.UTF_8).strip());
  }
}
