package com.paystream.testkit.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One node of a KRaft cluster in which every node is both broker and controller: its id, and the
 * static quorum all nodes share ({@code controller.quorum.voters}) and the cluster id they were
 * formatted with.
 *
 * @param nodeId this node's {@code node.id}, one of the voters
 * @param controllerPort the port of this node's controller listener (its entry in {@code voters})
 * @param voters every voter as {@code id@host:port}, comma separated, the same on every node
 * @param clusterId the cluster id every node's storage is formatted with (a Kafka base64 UUID)
 */
public record ClusterNode(int nodeId, int controllerPort, String voters, String clusterId) {

  public ClusterNode {
    Objects.requireNonNull(voters, "voters");
    Objects.requireNonNull(clusterId, "clusterId");
    List<Integer> ids = voterIds(voters);
    if (!ids.contains(nodeId)) {
      throw new IllegalArgumentException("node " + nodeId + " is not one of the voters " + voters);
    }
    String own = nodeId + "@" + BrokerSettings.HOST + ":" + controllerPort;
    if (!List.of(voters.split(",")).contains(own)) {
      throw new IllegalArgumentException("the voters " + voters + " do not name " + own);
    }
  }

  /** The voters line for controllers on {@code controllerPorts}, node ids 1, 2, 3, … in order. */
  public static String voters(List<Integer> controllerPorts) {
    List<String> voters = new ArrayList<>(controllerPorts.size());
    for (int i = 0; i < controllerPorts.size(); i++) {
      voters.add((i + 1) + "@" + BrokerSettings.HOST + ":" + controllerPorts.get(i));
    }
    return String.join(",", voters);
  }

  /** How many voters the quorum has. */
  public int size() {
    return voterIds(voters).size();
  }

  private static List<Integer> voterIds(String voters) {
    List<Integer> ids = new ArrayList<>();
    for (String voter : voters.split(",")) {
      int at = voter.indexOf('@');
      if (at <= 0 || voter.indexOf(':', at) < 0) {
        throw new IllegalArgumentException("not a voter (id@host:port): " + voter);
      }
      ids.add(Integer.parseInt(voter.substring(0, at).strip()));
    }
    return ids;
  }
}
