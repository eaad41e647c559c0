package com.paystream.testkit.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a combined broker+controller node: alone ({@link #singleNode}), where
 * everything a production cluster replicates three times is replicated once, or one of a cluster
 * ({@link #clusterNode}) replicated as production runs it. The defaults sized for big machines are
 * shrunk so a 2-core box starts a node in seconds.
 */
final class BrokerSettings {

  static final int NODE_ID = 1;
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final String HOST = "127.0.0.1";

  private BrokerSettings() {}

  static Properties singleNode(Path logDir, int clientPort, int controllerPort) {
    Properties props =
        common(logDir, NODE_ID, NODE_ID + "@" + HOST + ":" + controllerPort, clientPort);
    props.putAll(replication(1, 1));
    return props;
  }

  /**
   * A node of a cluster of (at least) three: replication factor 3 with two in sync for every topic
   * the services create and for the offsets and transaction logs, so losing any one node loses
   * nothing acknowledged and stops no writer; no unclean leader election, which could elect a
   * replica that missed acknowledged records.
   */
  static Properties clusterNode(Path logDir, int clientPort, ClusterNode node) {
    if (node.size() < 3) {
      throw new IllegalArgumentException("a cluster needs three voters, was " + node.voters());
    }
    Properties props = common(logDir, node.nodeId(), node.voters(), clientPort);
    props.putAll(replication(3, 2));
    return props;
  }

  private static Properties common(Path logDir, int nodeId, String voters, int clientPort) {
    int controllerPort = controllerPortOf(nodeId, voters);
    Properties props = new Properties();
    props.putAll(kraft(nodeId, voters, clientPort, controllerPort));
    props.putAll(testSpeed());
    props.setProperty("log.dirs", logDir.toString());
    // Topics are declared by the services; a typo must fail, not create a topic.
    props.setProperty("auto.create.topics.enable", "false");
    props.setProperty("num.partitions", "3");
    props.setProperty("group.initial.rebalance.delay.ms", "0");
    return props;
  }

  private static int controllerPortOf(int nodeId, String voters) {
    for (String voter : voters.split(",")) {
      if (voter.startsWith(nodeId + "@")) {
        return Integer.parseInt(voter.substring(voter.lastIndexOf(':') + 1));
      }
    }
    throw new IllegalArgumentException("node " + nodeId + " is not one of the voters " + voters);
  }

  private static Properties kraft(int nodeId, String voters, int clientPort, int controllerPort) {
    Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", Integer.toString(nodeId));
    // A static quorum: the voter set comes from this line on every start, so the controller port
    // of a lone node may change between restarts of the same data directory.
    props.setProperty("controller.quorum.voters", voters);
    props.setProperty(
        "listeners",
        "PLAINTEXT://"
            + HOST
            + ":"
            + clientPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    props.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
    props.setProperty(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.setProperty("controller.listener.names", CONTROLLER_LISTENER);
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    return props;
  }

  /** Every replicated log (topics, offsets, transactions, share state) alike. */
  private static Properties replication(int replicas, int minInSync) {
    String factor = Integer.toString(replicas);
    String minIsr = Integer.toString(minInSync);
    Properties props = new Properties();
    props.setProperty("default.replication.factor", factor);
    props.setProperty("min.insync.replicas", minIsr);
    props.setProperty("offsets.topic.replication.factor", factor);
    props.setProperty("transaction.state.log.replication.factor", factor);
    props.setProperty("transaction.state.log.min.isr", minIsr);
    props.setProperty("share.coordinator.state.topic.replication.factor", factor);
    props.setProperty("share.coordinator.state.topic.min.isr", minIsr);
    props.setProperty("unclean.leader.election.enable", "false");
    return props;
  }

  private static Properties testSpeed() {
    Properties props = new Properties();
    // 50 partitions each for offsets and transactions take seconds to create on first use.
    props.setProperty("offsets.topic.num.partitions", "5");
    props.setProperty("transaction.state.log.num.partitions", "5");
    props.setProperty("num.network.threads", "2");
    props.setProperty("num.io.threads", "4");
    props.setProperty("background.threads", "4");
    props.setProperty("num.recovery.threads.per.data.dir", "1");
    props.setProperty("log.cleaner.threads", "1");
    // The cleaner would otherwise allocate 128 MiB of heap in every test JVM.
    props.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    props.setProperty("log.index.size.max.bytes", Integer.toString(1024 * 1024));
    props.setProperty("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    // Shorter heartbeats let a (re)started broker get unfenced sooner.
    props.setProperty("broker.heartbeat.interval.ms", "500");
    props.setProperty("broker.session.timeout.ms", "6000");
    return props;
  }
}
