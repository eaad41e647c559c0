package com.paystream.relay.delivery;

import com.paystream.platform.outbox.DeadLetterFactory;
import com.paystream.platform.outbox.OutboxChannel;
import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.outbox.OutboxRecord;
import com.paystream.platform.outbox.PublishObserver;
import com.paystream.platform.outbox.WorkerThread;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Ships the gateway's outbox to Kafka and re-delivers until the ledger confirms.
 *
 * <p>One instance leads: it holds a session-level advisory lock on its listen connection, and only
 * the leader publishes, so first publications keep the order per payment with several instances
 * running; the others stand by and take over when the leader's connection ends (a crash, kill -9 or
 * lost connection releases the lock).
 *
 * <p>First publications follow the log cursor of {@link FirstPublications}, pipelined: batch N+1 is
 * read while a sender thread hands batch N to the producer and the broker acknowledges it, and the
 * cursor moves past batch N only after its last acknowledgement. A crash or a refused record before
 * that leaves the cursor where it was, so the batches go out again (at least once; the ledger
 * deduplicates by message id). Re-deliveries come from {@link Redeliveries}, one transaction per
 * batch that commits after the last acknowledgement.
 *
 * <p>It wakes on {@code NOTIFY outbox} and polls as a fallback; due re-deliveries are looked for at
 * most once per poll interval, or at once after a redrive (notification payload {@value #REDRIVE}).
 */
public final class RelayPublisher implements AutoCloseable {

  /** Notification payload that asks for a look at re-deliveries now (a redrive committed). */
  public static final String REDRIVE = "redrive";

  /** Tuning; {@code name} appears in logs and in the worker thread's name. */
  public record Settings(
      String name,
      int batchSize,
      Duration pollInterval,
      Duration errorBackoff,
      List<Duration> redeliverySchedule) {
    public Settings {
      Objects.requireNonNull(name, "name");
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be positive: " + batchSize);
      }
      redeliverySchedule = List.copyOf(redeliverySchedule);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(RelayPublisher.class);
  private static final long LEADER_LOCK_KEY = 0x72656c6179L; // "relay"

  private final DataSource dataSource;
  private final Producer<String, byte[]> producer;
  private final DeadLetterFactory deadLetters;
  private final PublishObserver observer;
  private final Settings settings;
  private final Redeliveries redeliveries;
  // Hands first publications to the producer (which compresses on the calling thread) while the
  // worker reads the next batch; one thread, so batches reach the producer in log order.
  private final ExecutorService sender;

  private final WorkerThread worker;
  // Worker thread only.
  private boolean leading;
  private long nextRedeliveryLookNanos;
  private boolean redeliveryAsked = true;

  public RelayPublisher(
      DataSource dataSource,
      Producer<String, byte[]> producer,
      DeadLetterFactory deadLetters,
      PublishObserver observer,
      Settings settings) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.worker = new WorkerThread("relay-publisher-" + settings.name(), this::run);
    this.redeliveries = new Redeliveries(settings.redeliverySchedule());
    CustomizableThreadFactory threads =
        new CustomizableThreadFactory("relay-sender-" + settings.name() + "-");
    threads.setDaemon(true);
    this.sender = Executors.newSingleThreadExecutor(threads);
  }

  public void start() {
    worker.start();
  }

  @Override
  public void close() {
    worker.close();
    sender.shutdownNow();
  }

  private void run() {
    Connection session = null;
    while (worker.running()) {
      try {
        if (session == null) {
          session = listen();
        }
        if (!leading) {
          leading = tryToLead(session);
        }
        if (leading) {
          drain(session);
        }
        awaitNotification(session);
      } catch (Exception e) {
        if (!worker.running()) {
          break;
        }
        observer.failed(e);
        log.atWarn()
            .addKeyValue("publisher", settings.name())
            .setCause(e)
            .log("relay publishing failed; the cursor did not move, the batches are retried");
        release(session);
        session = null;
        LockSupport.parkNanos(settings.errorBackoff().toNanos());
      }
    }
    release(session);
  }

  private static boolean tryToLead(Connection session) throws SQLException {
    try (PreparedStatement st = session.prepareStatement("select pg_try_advisory_lock(?)")) {
      st.setLong(1, LEADER_LOCK_KEY);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * Gives up leadership and the connection. The connection goes back to a pool that keeps it open,
   * so the session lock is released explicitly; if that fails the connection is broken, and its end
   * on the server releases the lock.
   */
  private void release(Connection session) {
    leading = false;
    if (session == null) {
      return;
    }
    try (var st = session.createStatement()) {
      st.execute("select pg_advisory_unlock_all()");
      st.execute("reset plan_cache_mode");
      st.execute("reset enable_sort");
      st.execute("reset enable_bitmapscan");
      st.execute("reset synchronous_commit");
    } catch (SQLException e) {
      log.debug("releasing the leader lock failed; the connection is gone", e);
    }
    OutboxChannel.closeQuietly(session);
  }

  /**
   * Batches of first publications per turn at most, so that a long backlog does not hold back due
   * re-deliveries (and dead letters) until it is drained.
   */
  private static final int FIRST_BATCHES_PER_TURN = 20;

  /**
   * Publishes until the log is caught up and no full batch of re-deliveries is due; the two kinds
   * take turns, so neither a wave of re-deliveries nor a long backlog of new callbacks holds the
   * other back for long.
   */
  int drain(Connection session) throws SQLException {
    int total = 0;
    int first;
    int again;
    do {
      first = publishFirst(session);
      again = redeliveryLookDue() ? redeliver() : 0;
      total += first + again;
    } while ((first > 0 || again == settings.batchSize()) && worker.running());
    return total;
  }

  /**
   * A batch being handed to the producer on the sender thread; {@code handedOver} yields its
   * acknowledgements.
   */
  private record InFlight(
      FirstPublications.Batch batch, Future<List<Future<RecordMetadata>>> handedOver) {}

  /**
   * Publishes the log until it holds nothing new, two batches in flight: the next is read and sent
   * while the broker acknowledges the previous, whose cursor move is committed after its last
   * acknowledgement, for at most {@link #FIRST_BATCHES_PER_TURN} batches. Returns how many rows
   * went out (0: nothing new, or migrated rows go first).
   */
  private int publishFirst(Connection session) throws SQLException {
    FirstPublications.Cursor cursor = FirstPublications.load(session);
    if (cursor == null) {
      return 0;
    }
    int published = 0;
    int batches = 0;
    InFlight previous = null;
    while (worker.running()) {
      FirstPublications.Batch next = FirstPublications.next(session, cursor, settings.batchSize());
      InFlight current = null;
      if (!next.rows().isEmpty()) {
        FirstPublications.Batch sending = next;
        current =
            new InFlight(
                next,
                sender.submit(
                    () -> {
                      List<Future<RecordMetadata>> acks = new ArrayList<>(sending.rows().size());
                      send(sending.rows(), acks);
                      return acks;
                    }));
        cursor = next.after();
      }
      if (previous != null) {
        complete(session, previous);
        published += previous.batch().rows().size();
      }
      previous = current;
      if (current == null || ++batches == FIRST_BATCHES_PER_TURN) {
        break;
      }
    }
    if (previous != null) {
      complete(session, previous);
      published += previous.batch().rows().size();
    }
    return published;
  }

  private void complete(Connection session, InFlight batch) throws SQLException {
    // No flush: it would also wait for the batch sent after this one, which is the overlap the
    // pipeline is for. The producer's short linger sends this batch on its own.
    awaitEach(await(batch.handedOver(), "handing the batch to the producer"));
    FirstPublications.advance(session, batch.batch());
    observer.published(batch.batch().rows());
  }

  private int redeliver() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Redeliveries.Claim claim = redeliveries.claim(connection, settings.batchSize());
        if (claim == null || claim.isEmpty()) {
          connection.rollback();
          lookAgainLater(claim == null ? 0 : claim.size());
          return 0;
        }
        List<Future<RecordMetadata>> acks =
            new ArrayList<>(claim.toPublish().size() + claim.exhausted().size());
        send(claim.toPublish(), acks);
        for (OutboxRecord row : claim.exhausted()) {
          acks.add(producer.send(deadLetters.deadLetterFor(row)));
        }
        redeliveries.record(connection, claim);
        awaitAcks(acks);
        connection.commit();
        report(claim);
        lookAgainLater(claim.size());
        return claim.size();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private boolean redeliveryLookDue() {
    return redeliveryAsked || System.nanoTime() - nextRedeliveryLookNanos >= 0;
  }

  private void lookAgainLater(int handled) {
    redeliveryAsked = handled == settings.batchSize();
    nextRedeliveryLookNanos = System.nanoTime() + settings.pollInterval().toNanos();
  }

  /** Hands the rows to the producer without waiting: one round of acknowledgements per batch. */
  private void send(List<OutboxRecord> rows, List<Future<RecordMetadata>> acks) {
    for (OutboxRecord row : rows) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(row.topic(), row.key(), row.payload());
      var headers = record.headers();
      headers.add(
          OutboxHeaders.MESSAGE_ID, row.messageId().toString().getBytes(StandardCharsets.UTF_8));
      if (!row.traceId().isEmpty()) {
        headers.add(OutboxHeaders.TRACE_ID, row.traceId().getBytes(StandardCharsets.UTF_8));
      }
      headers.add(
          OutboxHeaders.DELIVERY_ATTEMPT,
          Integer.toString(row.attempts() + 1).getBytes(StandardCharsets.UTF_8));
      acks.add(producer.send(record));
    }
  }

  private void awaitAcks(List<Future<RecordMetadata>> acks) {
    producer.flush(); // whatever the linger still holds goes now
    awaitEach(acks);
  }

  private static void awaitEach(List<Future<RecordMetadata>> acks) {
    for (Future<RecordMetadata> ack : acks) {
      await(ack, "the broker acknowledging the batch");
    }
  }

  private static <T> T await(Future<T> future, String what) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while awaiting " + what, e);
    }
  }

  private void report(Redeliveries.Claim claim) {
    if (!claim.toPublish().isEmpty()) {
      observer.published(claim.toPublish());
    }
    if (!claim.exhausted().isEmpty()) {
      observer.deadLettered(claim.exhausted());
      log.atWarn()
          .addKeyValue("publisher", settings.name())
          .addKeyValue("count", claim.exhausted().size())
          .log("messages exhausted their re-delivery schedule and were dead-lettered");
    }
  }

  /**
   * The leader's session: it listens on the outbox channel, and its log queries are planned for the
   * few rows beyond the cursor.
   */
  private Connection listen() throws SQLException {
    return OutboxChannel.listen(
        dataSource,
        // The log queries compare with the cursor's position, and a generic plan (which PostgreSQL
        // may settle on for a prepared statement) cannot tell how few rows lie beyond it; planning
        // these small queries each time costs less than one wrong plan.
        "set plan_cache_mode = force_custom_plan",
        // A batch must walk the primary key from the cursor and stop after one batch; a plan that
        // collects the rest of a large window and sorts it would read it all again for every
        // batch.
        "set enable_sort = off",
        "set enable_bitmapscan = off",
        // A cursor move lost with the last moments of a database crash only sends its batch again,
        // which at-least-once delivery allows (the ledger deduplicates by message id); waiting for
        // its WAL flush would hold every batch of the pipeline back.
        "set synchronous_commit = off");
  }

  private void awaitNotification(Connection listener) throws SQLException {
    for (PGNotification n : OutboxChannel.await(listener, settings.pollInterval())) {
      redeliveryAsked |= REDRIVE.equals(n.getParameter());
    }
  }
}
