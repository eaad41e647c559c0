package com.paystream.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Ships committed outbox rows to Kafka, at least once: a row's new delivery state commits only
 * after the broker acknowledged it, so a crash anywhere before leaves it to be sent again, and
 * consumers deduplicate by message id. How rows are read and marked is the service's choice:
 *
 * <ul>
 *   <li>an {@link OutboxLog} read through a cursor on the leader's session, pipelined: batch N+1 is
 *       read while a sender thread hands batch N to the producer and the broker acknowledges it,
 *       and the cursor moves past batch N after its last acknowledgement (the relay's first
 *       publications);
 *   <li>{@link OutboxClaims} claimed and marked in one transaction per batch, dead letters included
 *       (the ledger's and reconciliation's rows, the relay's re-deliveries).
 * </ul>
 *
 * <p>A worker thread listens on the outbox channel (see {@link OutboxChannel}), with the poll
 * interval as fallback, and drains until the log is caught up and no full batch of claims is left;
 * the two take turns, so neither holds the other back for long. A log held back by a running
 * transaction is looked at again within milliseconds, backing off to {@link #HELD_BACK_LAST}, since
 * the end of that transaction notifies nothing. With a leader lock only the instance holding a
 * session-level advisory lock on its listen connection publishes; the others stand by and take over
 * when the leader's connection ends (a crash, kill -9 or lost connection releases the lock).
 * Without one, each claim takes its own lock.
 */
public final class OutboxPublisher implements AutoCloseable {

  /**
   * Notification payload on the outbox channel that asks for a look at the claims now, where they
   * are otherwise looked at once per claim interval (e.g. after a redrive committed).
   */
  public static final String CLAIM_NOW = "redrive";

  /** Tuning of one publisher; {@code name} appears in logs and the worker thread's name. */
  public record Settings(String name, int batchSize, Duration pollInterval, Duration errorBackoff) {
    public Settings {
      Objects.requireNonNull(name, "name");
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be positive: " + batchSize);
      }
    }

    public static Settings defaults(String name) {
      return new Settings(name, 500, Duration.ofSeconds(2), Duration.ofSeconds(1));
    }
  }

  /**
   * Batches of the log per turn at most, so that a long backlog does not hold back due claims (and
   * dead letters) until it is drained.
   */
  private static final int LOG_BATCHES_PER_TURN = 20;

  /**
   * The first look again at a log held back by a running transaction ({@link
   * OutboxLog.Batch#heldBack}); each further look waits twice as long, up to {@link
   * #HELD_BACK_LAST} (and never longer than the poll interval). Such a transaction usually ends
   * within milliseconds (a commit waiting for its flush), and nothing notifies when it does.
   */
  private static final Duration HELD_BACK_FIRST = Duration.ofMillis(5);

  private static final Duration HELD_BACK_LAST = Duration.ofMillis(200);

  private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

  private final DataSource dataSource;
  private final Producer<String, byte[]> producer;
  private final PublishObserver observer;
  private final Settings settings;
  private final Long leaderLock;
  private final Map<String, String> sessionSettings;
  private final OutboxLog<?> outboxLog;
  private final OutboxClaims<?> claims;
  private final Duration claimInterval;
  // The longest wait before looking again at a held-back log: HELD_BACK_LAST, or the poll interval
  // if that is shorter.
  private final Duration heldBackLongest;
  private final DeadLetterFactory deadLetters;
  private final PublishTracing tracing;
  // Hands log batches to the producer (which compresses on the calling thread) while the worker
  // reads the next batch; one thread, so batches reach the producer in log order.
  private final ExecutorService sender;

  private final WorkerThread worker;
  // Worker thread only.
  // Read by metrics from other threads.
  private volatile boolean leading;
  private long nextClaimLookNanos;
  private boolean claimAsked = true;
  // How long to wait before looking at the log again while it is held back; null when it is not.
  private Duration heldBackWait;

  private OutboxPublisher(Builder builder) {
    this.dataSource = builder.dataSource;
    this.producer = builder.producer;
    this.settings = builder.settings;
    this.observer = builder.observer;
    this.leaderLock = builder.leaderLock;
    this.sessionSettings = Map.copyOf(builder.sessionSettings);
    this.outboxLog = builder.log;
    this.claims = builder.claims;
    this.claimInterval = builder.claimInterval;
    this.deadLetters = builder.deadLetters;
    this.tracing = builder.tracing;
    this.heldBackLongest = min(HELD_BACK_LAST, settings.pollInterval());
    if (outboxLog == null && claims == null) {
      throw new IllegalArgumentException("a publisher needs a log or claims to publish");
    }
    if (outboxLog != null && leaderLock == null) {
      throw new IllegalArgumentException("a log keeps its position in memory: it needs a leader");
    }
    this.worker = new WorkerThread("outbox-publisher-" + settings.name(), this::run);
    this.sender = outboxLog == null ? null : singleDaemonThread("outbox-sender-" + settings.name());
  }

  /**
   * A publisher that ships each row of the service's {@code outbox} once, for topics nobody
   * confirms.
   */
  public static OutboxPublisher publishOnce(
      DataSource dataSource,
      Producer<String, byte[]> producer,
      PublishObserver observer,
      Settings settings) {
    return publishOnce(dataSource, producer, observer, PublishTracing.STORED, settings);
  }

  /**
   * {@link #publishOnce(DataSource, Producer, PublishObserver, Settings)}, traced by {@code
   * tracing}.
   */
  public static OutboxPublisher publishOnce(
      DataSource dataSource,
      Producer<String, byte[]> producer,
      PublishObserver observer,
      PublishTracing tracing,
      Settings settings) {
    return builder(dataSource, producer, settings)
        .observer(observer)
        .tracing(tracing)
        .claims(new PendingRows(), Duration.ZERO)
        .build();
  }

  /** {@link #publishOnce(DataSource, Producer, PublishObserver, Settings)} without metrics. */
  public static OutboxPublisher publishOnce(
      DataSource dataSource, Producer<String, byte[]> producer, Settings settings) {
    return publishOnce(dataSource, producer, PublishObserver.NONE, settings);
  }

  public static Builder builder(
      DataSource dataSource, Producer<String, byte[]> producer, Settings settings) {
    return new Builder(dataSource, producer, settings);
  }

  /** How a service reads and marks its rows; at least a log or claims. */
  public static final class Builder {

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final Settings settings;
    private PublishObserver observer = PublishObserver.NONE;
    private Long leaderLock;
    private final Map<String, String> sessionSettings = new LinkedHashMap<>();
    private OutboxLog<?> log;
    private OutboxClaims<?> claims;
    private Duration claimInterval = Duration.ZERO;
    private DeadLetterFactory deadLetters;
    private PublishTracing tracing = PublishTracing.STORED;

    private Builder(DataSource dataSource, Producer<String, byte[]> producer, Settings settings) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.producer = Objects.requireNonNull(producer, "producer");
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Builder observer(PublishObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /** Only the holder of this session-level advisory lock publishes. */
    public Builder leaderLock(long key) {
      this.leaderLock = key;
      return this;
    }

    /** A setting of the leader's session (set when it listens, reset when it is released). */
    public Builder sessionSetting(String name, String value) {
      sessionSettings.put(name, value);
      return this;
    }

    /** First publications read as a log on the leader's session, pipelined. */
    public Builder log(OutboxLog<?> log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Rows claimed in a transaction per batch, looked for at most once per {@code interval} (zero:
     * on every wake-up) unless the last claim was a full batch or {@link #CLAIM_NOW} was notified.
     */
    public Builder claims(OutboxClaims<?> claims, Duration interval) {
      this.claims = Objects.requireNonNull(claims, "claims");
      this.claimInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** Builds the dead letter of each exhausted claimed row. */
    public Builder deadLetters(DeadLetterFactory deadLetters) {
      this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
      return this;
    }

    /** How each row's publication continues its trace (default: {@link PublishTracing#STORED}). */
    public Builder tracing(PublishTracing tracing) {
      this.tracing = Objects.requireNonNull(tracing, "tracing");
      return this;
    }

    public OutboxPublisher build() {
      return new OutboxPublisher(this);
    }
  }

  public void start() {
    worker.start();
  }

  /**
   * Whether this instance publishes now: it holds the leader lock (always, without one) on a live
   * session. A standby becomes leader at the first poll after the leader's session ended.
   */
  public boolean leading() {
    return leading;
  }

  @Override
  public void close() {
    worker.close();
    if (sender != null) {
      sender.shutdownNow();
    }
  }

  private void run() {
    Connection session = null;
    while (worker.running()) {
      try {
        if (session == null) {
          session = listen();
        }
        if (!leading) {
          leading = leaderLock == null || tryToLead(session);
        }
        if (leading) {
          drain(session);
        }
        awaitNotification(session, nextWait());
      } catch (Exception e) {
        if (!worker.running()) {
          break;
        }
        observer.failed(e);
        log.atWarn()
            .addKeyValue("publisher", settings.name())
            .setCause(e)
            .log("outbox publishing failed; nothing was marked, the batches are retried");
        release(session);
        session = null;
        LockSupport.parkNanos(settings.errorBackoff().toNanos());
      }
    }
    release(session);
  }

  /** The session the worker listens on (and, with a log, reads the log on). */
  private Connection listen() throws SQLException {
    return OutboxChannel.listen(
        dataSource,
        sessionSettings.entrySet().stream()
            .map(s -> "set " + s.getKey() + " = " + s.getValue())
            .toArray(String[]::new));
  }

  private boolean tryToLead(Connection session) throws SQLException {
    try (PreparedStatement st = session.prepareStatement("select pg_try_advisory_lock(?)")) {
      st.setLong(1, leaderLock);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * Gives up leadership and the connection. The connection goes back to a pool that keeps it open,
   * so the session lock and settings are released explicitly; if that fails the connection is
   * broken, and its end on the server releases the lock.
   */
  private void release(Connection session) {
    leading = false;
    heldBackWait = null;
    if (session == null) {
      return;
    }
    if (leaderLock != null || !sessionSettings.isEmpty()) {
      try (var st = session.createStatement()) {
        st.execute("select pg_advisory_unlock_all()");
        for (String setting : sessionSettings.keySet()) {
          st.execute("reset " + setting);
        }
      } catch (SQLException e) {
        log.debug("releasing the leader lock failed; the connection is gone", e);
      }
    }
    OutboxChannel.closeQuietly(session);
  }

  /** The poll interval, or the next look at a held-back log if that comes sooner. */
  private Duration nextWait() {
    if (heldBackWait == null) {
      return settings.pollInterval();
    }
    Duration wait = heldBackWait;
    heldBackWait = min(wait.multipliedBy(2), heldBackLongest);
    return wait;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private void awaitNotification(Connection session, Duration wait) throws SQLException {
    for (PGNotification n : OutboxChannel.await(session, wait)) {
      claimAsked |= CLAIM_NOW.equals(n.getParameter());
    }
  }

  /**
   * Publishes until the log is caught up and no full batch of claims is due; the two take turns, so
   * neither a wave of claims nor a long backlog in the log holds the other back for long.
   */
  private int drain(Connection session) throws SQLException {
    int total = 0;
    int first;
    int claimed;
    do {
      first = outboxLog == null ? 0 : publishLog(outboxLog, session);
      claimed = claims != null && claimLookDue() ? publishClaimed(claims) : 0;
      total += first + claimed;
    } while ((first > 0 || claimed == settings.batchSize()) && worker.running());
    return total;
  }

  /** A log batch being handed to the producer on the sender thread. */
  private record InFlight<P>(
      OutboxLog.Batch<P> batch, Future<List<Future<RecordMetadata>>> handedOver) {}

  /**
   * Publishes the log until it holds nothing new, two batches in flight: the next is read and sent
   * while the broker acknowledges the previous, whose cursor move is committed after its last
   * acknowledgement, for at most {@link #LOG_BATCHES_PER_TURN} batches. Returns how many rows went
   * out (0: nothing new, or the log waits this turn).
   */
  private <P> int publishLog(OutboxLog<P> outbox, Connection session) throws SQLException {
    P position = outbox.position(session);
    if (position == null) {
      return 0;
    }
    int published = 0;
    int batches = 0;
    InFlight<P> previous = null;
    while (worker.running()) {
      OutboxLog.Batch<P> next = outbox.next(session, position, settings.batchSize());
      heldBack(next.heldBack());
      InFlight<P> current = null;
      if (!next.rows().isEmpty()) {
        current = new InFlight<>(next, sender.submit(() -> send(next.rows(), List.of())));
        position = next.after();
      }
      if (previous != null) {
        complete(outbox, session, previous);
        published += previous.batch().rows().size();
      }
      previous = current;
      if (current == null || ++batches == LOG_BATCHES_PER_TURN) {
        break;
      }
    }
    if (previous != null) {
      complete(outbox, session, previous);
      published += previous.batch().rows().size();
    }
    return published;
  }

  /** Starts looking again soon at a log just found held back, or stops when it no longer is. */
  private void heldBack(boolean held) {
    if (!held) {
      heldBackWait = null;
    } else if (heldBackWait == null) {
      heldBackWait = min(HELD_BACK_FIRST, heldBackLongest);
    }
  }

  private <P> void complete(OutboxLog<P> outbox, Connection session, InFlight<P> inFlight)
      throws SQLException {
    // No flush: it would also wait for the batch sent after this one, which is the overlap the
    // pipeline is for. The producer's short linger sends this batch on its own.
    awaitEach(await(inFlight.handedOver()));
    outbox.advance(session, inFlight.batch());
    observer.published(inFlight.batch().rows());
  }

  private <C extends OutboxClaims.Claim> int publishClaimed(OutboxClaims<C> source)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        C claim = source.claim(connection, settings.batchSize());
        if (claim == null || claim.size() == 0) {
          connection.rollback();
          lookAgainLater(0);
          return 0;
        }
        List<Future<RecordMetadata>> acks = send(claim.toPublish(), claim.exhausted());
        // The new delivery state is written while the broker acknowledges: it stays uncommitted
        // until every acknowledgement is in, so the broker's round trip and the database's work
        // overlap instead of adding up.
        source.mark(connection, claim);
        producer.flush(); // whatever the linger still holds goes now
        awaitEach(acks);
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

  private boolean claimLookDue() {
    return claimAsked || System.nanoTime() - nextClaimLookNanos >= 0;
  }

  private void lookAgainLater(int handled) {
    claimAsked = handled == settings.batchSize();
    nextClaimLookNanos = System.nanoTime() + claimInterval.toNanos();
  }

  /**
   * Hands the rows, then the dead letters of the exhausted ones, to the producer without waiting:
   * one round of acknowledgements per batch.
   */
  private List<Future<RecordMetadata>> send(List<OutboxRecord> rows, List<OutboxRecord> exhausted) {
    List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size() + exhausted.size());
    for (OutboxRecord row : rows) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(row.topic(), row.key(), row.payload());
      try (PublishTracing.Publication publication = tracing.open(row)) {
        OutboxHeaders.write(record.headers(), row, row.attempts() + 1, publication.context());
        acks.add(producer.send(record));
      }
    }
    for (OutboxRecord row : exhausted) {
      if (deadLetters == null) {
        throw new IllegalStateException("rows exhausted their schedule, but no dead letters");
      }
      acks.add(producer.send(deadLetters.deadLetterFor(row)));
    }
    return acks;
  }

  private static void awaitEach(List<Future<RecordMetadata>> acks) {
    for (Future<RecordMetadata> ack : acks) {
      await(ack);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new PublishFailedException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailedException(e);
    }
  }

  private void report(OutboxClaims.Claim claim) {
    if (!claim.toPublish().isEmpty()) {
      observer.published(claim.toPublish());
    }
    if (!claim.exhausted().isEmpty()) {
      observer.deadLettered(claim.exhausted());
      log.atWarn()
          .addKeyValue("publisher", settings.name())
          .addKeyValue("count", claim.exhausted().size())
          .log("outbox rows exhausted their re-delivery schedule and were dead-lettered");
    }
  }

  private static ExecutorService singleDaemonThread(String name) {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }
}
