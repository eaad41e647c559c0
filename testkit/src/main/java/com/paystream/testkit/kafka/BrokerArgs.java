package com.paystream.testkit.kafka;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The arguments of {@link KafkaBrokerMain}: {@code --data-dir DIR --port N} for a node alone; a
 * node of a cluster adds {@code --node-id K --controller-port C --voters 1@host:C1,2@host:C2,…
 * --cluster-id ID}.
 *
 * @param dataDir where the data is kept across restarts; {@code null} for a temp directory
 * @param port the client port; 0 for a free one
 * @param node the cluster this node belongs to; empty for a node alone
 */
record BrokerArgs(Path dataDir, int port, Optional<ClusterNode> node) {

  static BrokerArgs parse(String... args) {
    Path dataDir = null;
    int port = 0;
    Integer nodeId = null;
    Integer controllerPort = null;
    String voters = null;
    String clusterId = null;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + name);
      }
      String value = args[++i];
      switch (name) {
        case "--data-dir" -> dataDir = Path.of(value);
        case "--port" -> port = number(name, value);
        case "--node-id" -> nodeId = number(name, value);
        case "--controller-port" -> controllerPort = number(name, value);
        case "--voters" -> voters = value;
        case "--cluster-id" -> clusterId = value;
        default -> throw new IllegalArgumentException("unknown argument " + name);
      }
    }
    boolean cluster =
        voters != null || nodeId != null || controllerPort != null || clusterId != null;
    if (!cluster) {
      return new BrokerArgs(dataDir, port, Optional.empty());
    }
    if (voters == null || nodeId == null || controllerPort == null || clusterId == null) {
      throw new IllegalArgumentException(
          "a cluster node needs --node-id, --controller-port, --voters and --cluster-id");
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("a cluster node needs --data-dir: its data must survive");
    }
    return new BrokerArgs(
        dataDir, port, Optional.of(new ClusterNode(nodeId, controllerPort, voters, clusterId)));
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number after " + name + ": " + value, e);
    }
  }
}
