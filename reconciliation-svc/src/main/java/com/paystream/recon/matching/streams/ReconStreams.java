package com.paystream.recon.matching.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the matching topology for the life of the application: started after the topics exist
 * (Spring starts lifecycle beans after all singletons, so after {@code KafkaAdmin} created them),
 * closed gracefully on shutdown so that the last transaction commits and the state directory is
 * left clean. A stream thread that dies on an unexpected error is replaced: the records it had not
 * committed are read again. The client's metrics are exported while it runs and removed with it.
 *
 * <p>Local state built from another Kafka cluster than the one it starts on is wiped first and
 * rebuilt from the changelogs ({@link ClusterBoundState}).
 */
public final class ReconStreams implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReconStreams.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

  private final Topology topology;
  private final Properties config;
  private final MeterRegistry meters;
  private final Duration metricsRefresh;
  private final AtomicReference<KafkaStreams> streams = new AtomicReference<>();
  private final AtomicReference<Metrics> metrics = new AtomicReference<>();
  private final Optional<HostInfo> thisHost;
  private final Supplier<String> clusterId;

  /**
   * @param meters where the Kafka Streams client's metrics (its consumers' lag per partition, its
   *     threads' and tasks' own) are exported while it runs
   * @param metricsRefresh how often metrics the client added since (a partition assigned, a task
   *     created) are looked for and bound
   * @param clusterId the id of the Kafka cluster the streams run on; asked at start, it fails the
   *     start when the cluster cannot tell it
   */
  public ReconStreams(
      Topology topology,
      Properties config,
      MeterRegistry meters,
      Duration metricsRefresh,
      Supplier<String> clusterId) {
    this.topology = topology;
    this.config = config;
    this.meters = meters;
    this.metricsRefresh = metricsRefresh;
    this.clusterId = clusterId;
    this.thisHost =
        Optional.ofNullable(config.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG))
            .map(HostInfo::buildFromEndpoint);
  }

  @Override
  public synchronized void start() {
    if (streams.get() != null) {
      return;
    }
    KafkaStreams created = new KafkaStreams(topology, config);
    boundToThisCluster(created);
    created.setUncaughtExceptionHandler(
        e -> {
          log.error("Stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    created.setStateListener(
        (now, before) -> log.info("Reconciliation streams {} -> {}", before, now));
    metrics.set(Metrics.bind(created, meters, metricsRefresh));
    created.start();
    streams.set(created);
  }

  /** Before the client starts: cleaning up is refused once it runs. */
  private void boundToThisCluster(KafkaStreams created) {
    String cluster = clusterId.get();
    if (cluster == null || cluster.isBlank()) {
      throw new IllegalStateException("the Kafka cluster did not tell its id");
    }
    ClusterBoundState local =
        new ClusterBoundState(
            Path.of(config.getProperty(StreamsConfig.STATE_DIR_CONFIG)),
            config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
    if (local.foreignTo(cluster)) {
      log.warn(
          "Local state in {} was built from Kafka cluster {}, not {}: wiped, to be rebuilt from"
              + " the changelogs",
          config.getProperty(StreamsConfig.STATE_DIR_CONFIG),
          local.recorded().orElse("(unrecorded)"),
          cluster);
      created.cleanUp();
    }
    local.belongsTo(cluster);
  }

  @Override
  public synchronized void stop() {
    KafkaStreams running = streams.getAndSet(null);
    if (running != null) {
      // Leave the group: the partitions move to the other instances (or to this one restarting)
      // at once, instead of after the session timeout.
      running.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(CLOSE_TIMEOUT));
    }
    Metrics bound = metrics.getAndSet(null);
    if (bound != null) {
      bound.close();
    }
  }

  /**
   * The client's metrics bound to Micrometer, refreshed on a thread of their own: the partition
   * metrics (lag) exist only once partitions are assigned, after the first bind.
   */
  private record Metrics(KafkaStreamsMetrics binder, ScheduledExecutorService refresh) {

    static Metrics bind(KafkaStreams client, MeterRegistry meters, Duration every) {
      ScheduledExecutorService refresh =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "recon-streams-metrics");
                thread.setDaemon(true);
                return thread;
              });
      KafkaStreamsMetrics binder = new KafkaStreamsMetrics(client, Tags.empty(), refresh, every);
      binder.bindTo(meters);
      return new Metrics(binder, refresh);
    }

    /** Removes the client's meters: a closed client's figures would only mislead. */
    void close() {
      refresh.shutdownNow();
      binder.close();
    }
  }

  @Override
  public boolean isRunning() {
    return streams.get() != null;
  }

  /** Before the web server stops taking requests, after everything it needs started. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1000;
  }

  public Optional<KafkaStreams.State> state() {
    KafkaStreams running = streams.get();
    return running == null ? Optional.empty() : Optional.of(running.state());
  }

  /**
   * A read-only view over the partitions this instance runs actively (interactive queries; standby
   * copies are never read, so no partition is counted on two instances).
   *
   * @throws InvalidStateStoreException unless the streams are RUNNING: while they start, rebalance
   *     or restore, what this instance holds may be a part that is about to move or not yet
   *     complete, and an answer from it would be partial without saying so
   */
  public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    KafkaStreams running = requireRunning();
    return running.store(
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }

  /**
   * Who holds which partitions right now: the other instances ({@code host:port} of their HTTP API,
   * from their {@code application.server}) that run partitions actively, and a fingerprint of the
   * whole assignment to tell afterwards whether it changed while a query was answered.
   *
   * @throws InvalidStateStoreException unless the streams are RUNNING, while this instance has not
   *     yet taken up the partitions assigned to it, or when an instance with partitions advertises
   *     no address (it could not be asked for its part)
   */
  public Instances instances() {
    KafkaStreams running = requireRunning();
    Collection<StreamsMetadata> all = running.metadataForAllStreamsClients();
    List<String> others = new ArrayList<>();
    for (StreamsMetadata member : all) {
      HostInfo host = member.hostInfo();
      if (thisHost.map(host::equals).orElse(false)) {
        requireTasksOf(running, member);
        continue;
      }
      if (member.topicPartitions().isEmpty()) {
        continue;
      }
      if (host.port() < 1) {
        throw new InvalidStateStoreException(
            "an instance runs partitions but advertises no application.server to ask it");
      }
      others.add(host.host() + ":" + host.port());
    }
    Collections.sort(others);
    return new Instances(List.copyOf(others), Set.copyOf(all));
  }

  /**
   * The metadata changes when a new assignment arrives, before this instance's threads take up the
   * tasks it gained and while the client still says RUNNING: in that window the others no longer
   * count partitions that this instance's stores do not hold yet, and the parts together would be a
   * part of the whole (seen when an instance left: 12 of 23 breaks answered as the whole). The
   * threads' task metadata changes only when they run the new tasks.
   */
  private static void requireTasksOf(KafkaStreams running, StreamsMetadata assigned) {
    Set<TopicPartition> taken = new HashSet<>();
    running
        .metadataForLocalThreads()
        .forEach(
            thread -> thread.activeTasks().forEach(task -> taken.addAll(task.topicPartitions())));
    if (!taken.equals(assigned.topicPartitions())) {
      throw new InvalidStateStoreException(
          "this instance has not yet taken up the partitions assigned to it");
    }
  }

  /**
   * The instances of one moment.
   *
   * @param others {@code host:port} of every other instance running partitions, sorted
   * @param assignment the whole metadata, compared as a value
   */
  public record Instances(List<String> others, Set<StreamsMetadata> assignment) {}

  private KafkaStreams requireRunning() {
    KafkaStreams running = streams.get();
    if (running == null) {
      throw new StreamsNotStartedException("the reconciliation streams are not running");
    }
    KafkaStreams.State state = running.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw new InvalidStateStoreException(
          "the reconciliation streams are " + state + ", not RUNNING");
    }
    return running;
  }
}
