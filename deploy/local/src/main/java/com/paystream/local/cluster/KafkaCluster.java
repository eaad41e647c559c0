package com.paystream.local.cluster;

import com.paystream.local.process.ChildSpec;
import com.paystream.local.process.JavaCommand;
import com.paystream.local.process.Readiness;
import com.paystream.testkit.kafka.KafkaBrokerMain;
import com.paystream.testkit.kafka.KafkaQuorum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * Three KRaft nodes, each a combined broker and controller, all three voters of one quorum; each
 * node is its own {@link KafkaBrokerMain} process with its own data directory. With {@code
 * --voters} the broker runs the cluster settings: replication factor 3, {@code min.insync.replicas}
 * 2, unclean leader election off.
 *
 * <p>The cluster id is made once per data directory and kept beside the nodes' directories, so a
 * node restarted after a crash (or the whole stack after a stop) joins the same cluster.
 */
public final class KafkaCluster {

  private static final String HOST = "127.0.0.1";
  private static final String CLUSTER_ID_FILE = "cluster-id";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  /** One node: its id in the quorum, its ports and its data. */
  public record Node(int id, int port, int controllerPort, Path dataDir) {

    /** The child's name, and its log's. */
    public String name() {
      return "kafka-" + id;
    }

    public String bootstrap() {
      return HOST + ":" + port;
    }
  }

  private final List<Node> nodes;
  private final String clusterId;

  private KafkaCluster(List<Node> nodes, String clusterId) {
    this.nodes = List.copyOf(nodes);
    this.clusterId = clusterId;
  }

  /**
   * The cluster whose nodes keep their data under {@code root} ({@code root/kafka-1} …); its id is
   * read from {@code root/cluster-id}, or made and written there on the first start.
   */
  public static KafkaCluster in(Path root, ClusterPorts ports) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < ClusterPorts.BROKERS; i++) {
      int id = i + 1;
      nodes.add(
          new Node(
              id, ports.brokers().get(i), ports.controllers().get(i), root.resolve("kafka-" + id)));
    }
    return new KafkaCluster(nodes, clusterId(root));
  }

  private static String clusterId(Path root) {
    Path file = root.resolve(CLUSTER_ID_FILE);
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(root);
      String id = Uuid.randomUuid().toString();
      Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the Kafka cluster id in " + file, e);
    }
  }

  public List<Node> nodes() {
    return nodes;
  }

  public String clusterId() {
    return clusterId;
  }

  public Node node(int id) {
    return nodes.stream().filter(node -> node.id() == id).findFirst().orElseThrow();
  }

  /** Every node, for the clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return nodes.stream().map(Node::bootstrap).collect(Collectors.joining(","));
  }

  /** {@code 1@127.0.0.1:C1,2@127.0.0.1:C2,3@127.0.0.1:C3}: the same on every node. */
  public String voters() {
    return nodes.stream()
        .map(node -> node.id() + "@" + HOST + ":" + node.controllerPort())
        .collect(Collectors.joining(","));
  }

  /** The node's {@link KafkaBrokerMain} arguments. */
  public List<String> arguments(Node node) {
    return List.of(
        "--data-dir",
        node.dataDir().toString(),
        "--port",
        Integer.toString(node.port()),
        "--node-id",
        Integer.toString(node.id()),
        "--controller-port",
        Integer.toString(node.controllerPort()),
        "--voters",
        voters(),
        "--cluster-id",
        clusterId);
  }

  /**
   * The node as a child of this JVM (run from its own class path), ready once it printed its
   * bootstrap address; {@code logFile} names its log by the child's name.
   */
  public ChildSpec spec(Node node, String heap, Function<String, Path> logFile) {
    return new ChildSpec(
        node.name(),
        JavaCommand.ownClasspath(heap, KafkaBrokerMain.class, arguments(node)),
        logFile.apply(node.name()),
        Readiness.logLine("KAFKA READY bootstrap=" + node.bootstrap()),
        STOP_TIMEOUT);
  }

  /**
   * The node id of the quorum's active controller, as the quorum itself reports it ({@link
   * KafkaQuorum}); empty while no node answers or no leader is elected.
   */
  public OptionalInt activeController() {
    try {
      int leader = KafkaQuorum.activeController(bootstrapServers());
      return leader < 0 ? OptionalInt.empty() : OptionalInt.of(leader);
    } catch (IllegalStateException e) {
      return OptionalInt.empty();
    }
  }
}
