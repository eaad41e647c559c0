package com.paystream.recon.matching.streams;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
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
 * committed are read again.
 */
public final class ReconStreams implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReconStreams.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

  private final Topology topology;
  private final Properties config;
  private final AtomicReference<KafkaStreams> streams = new AtomicReference<>();

  public ReconStreams(Topology topology, Properties config) {
    this.topology = topology;
    this.config = config;
  }

  @Override
  public synchronized void start() {
    if (streams.get() != null) {
      return;
    }
    KafkaStreams created = new KafkaStreams(topology, config);
    created.setUncaughtExceptionHandler(
        e -> {
          log.error("Stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    created.setStateListener(
        (now, before) -> log.info("Reconciliation streams {} -> {}", before, now));
    created.start();
    streams.set(created);
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
   * A read-only view over every local partition of a key-value store (interactive queries).
   *
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the store is not
   *     queryable (starting, rebalancing, restoring)
   */
  public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    KafkaStreams running = streams.get();
    if (running == null) {
      throw new org.apache.kafka.streams.errors.StreamsNotStartedException(
          "the reconciliation streams are not running");
    }
    return running.store(
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }
}
