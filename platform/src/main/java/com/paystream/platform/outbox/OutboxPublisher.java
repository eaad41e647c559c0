package com.paystream.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships committed outbox rows to Kafka: claims due rows in {@code seq} order, sends them as one
 * pipelined batch, waits for the broker's acknowledgement, and only then commits their new delivery
 * state. A crash anywhere before that commit leaves the rows due, so they are sent again: delivery
 * is at least once, and consumers deduplicate by message id.
 *
 * <p>Only one publisher per database works at a time (a transaction-scoped advisory lock), which
 * keeps the per-key order of first publications across several running instances; the others stand
 * by. It wakes on the {@code outbox} notification that every insert raises at commit, and polls
 * slowly as a fallback for lost notifications or an interrupted listen connection.
 */
public final class OutboxPublisher implements AutoCloseable {

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

  private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
  private static final long ADVISORY_LOCK_KEY = 0x6f7574626f78L; // "outbox"
  private static final long NEVER = -1;

  private static final String COLUMNS =
      "seq, message_id, topic, message_key, payload, trace_id, attempts, created_at";
  // One statement per claim, lock included: the transaction-scoped advisory lock is an InitPlan
  // evaluated once before any row is read, so an instance that does not hold it claims nothing.
  // The statement's snapshot may predate the previous holder's commit; FOR UPDATE re-checks the
  // latest version of each row against the condition, so the rows it just published are skipped.
  private static final String LOCKED =
      "with publisher as materialized (select pg_try_advisory_xact_lock(?) as held)";
  // First publications in commit-sequence order: the per-key order of the topic depends on it.
  private static final String FIRST_PUBLICATION =
      ", first_publication as materialized (select "
          + COLUMNS
          + " from outbox where (select held from publisher) and status = 'PENDING'"
          + " and next_attempt_at <= now() order by seq limit ? for update skip locked)";
  // Re-deliveries whose wait ran out, asked for by due time. Rows waiting for a confirmation stay
  // in outbox_due for minutes, and one "due, in seq order" scan stepped over every one of them on
  // each claim (tens of thousands at 1,000/s with a 1-minute first wait, more behind a backlog).
  // The order guarantee is for first publications only, so re-deliveries need no seq order.
  private static final String REDELIVERY =
      ", redelivery as materialized (select "
          + COLUMNS
          + " from outbox where (select held from publisher) and status = 'PUBLISHED'"
          + " and next_attempt_at <> 'infinity' and next_attempt_at <= now()"
          + " order by next_attempt_at limit ? - (select count(*) from first_publication)"
          + " for update skip locked)";
  private static final String CLAIM_FIRST_SQL =
      LOCKED + FIRST_PUBLICATION + " select * from first_publication";
  private static final String CLAIM_ALL_DUE_SQL =
      LOCKED
          + FIRST_PUBLICATION
          + REDELIVERY
          + " select * from first_publication union all select * from redelivery";

  private static final String MARK_PUBLISHED_SQL =
      "update outbox set status = 'PUBLISHED', attempts = attempts + 1, published_at = now(),"
          + " last_error = null, next_attempt_at = case when w.wait_ms < 0 then 'infinity'"
          + " else now() + w.wait_ms * interval '1 millisecond' end"
          + " from unnest(?::bigint[], ?::bigint[]) as w(seq, wait_ms) where outbox.seq = w.seq";
  private static final String MARK_DEAD_SQL =
      "update outbox set status = 'DEAD', last_error = 'RETRIES_EXHAUSTED',"
          + " next_attempt_at = 'infinity' where seq = any(?::bigint[])";

  private final DataSource dataSource;
  private final Producer<String, byte[]> producer;
  private final DeliveryPolicy policy;
  private final DeadLetterFactory deadLetters;
  private final PublishObserver observer;
  private final Settings settings;
  private final boolean redelivers;

  private final WorkerThread worker;

  public OutboxPublisher(
      DataSource dataSource,
      Producer<String, byte[]> producer,
      DeliveryPolicy policy,
      DeadLetterFactory deadLetters,
      PublishObserver observer,
      Settings settings) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.worker = new WorkerThread("outbox-publisher-" + settings.name(), this::run);
    if (policy instanceof DeliveryPolicy.RedeliverUntilConfirmed && deadLetters == null) {
      throw new IllegalArgumentException("a re-delivering publisher needs a dead-letter factory");
    }
    this.deadLetters = deadLetters;
    this.redelivers = policy instanceof DeliveryPolicy.RedeliverUntilConfirmed;
  }

  /** A publisher that ships each row once, for topics nobody confirms. */
  public static OutboxPublisher publishOnce(
      DataSource dataSource, Producer<String, byte[]> producer, Settings settings) {
    return new OutboxPublisher(
        dataSource, producer, DeliveryPolicy.publishOnce(), null, PublishObserver.NONE, settings);
  }

  public void start() {
    worker.start();
  }

  /** Nudges the worker to look for due rows now (e.g. after a redrive), through its own channel. */
  public void wakeUp() {
    try (Connection connection = dataSource.getConnection();
        var st = connection.createStatement()) {
      st.execute("select pg_notify('outbox', '')");
    } catch (SQLException e) {
      log.debug("wake-up notification failed; the poll fallback will pick the rows up", e);
    }
  }

  @Override
  public void close() {
    worker.close();
  }

  private void run() {
    Connection listener = null;
    while (worker.running()) {
      try {
        if (listener == null) {
          listener = OutboxChannel.listen(dataSource);
        }
        drain();
        OutboxChannel.await(listener, settings.pollInterval());
      } catch (Exception e) {
        if (!worker.running()) {
          break;
        }
        observer.failed(e);
        log.atWarn()
            .addKeyValue("publisher", settings.name())
            .setCause(e)
            .log("outbox publishing failed; rows stay due and are retried");
        OutboxChannel.closeQuietly(listener);
        listener = null;
        LockSupport.parkNanos(settings.errorBackoff().toNanos());
      }
    }
    OutboxChannel.closeQuietly(listener);
  }

  /** Publishes until no full batch is left, so a backlog drains without waiting for wake-ups. */
  public int drain() throws SQLException {
    int total = 0;
    int handled;
    do {
      handled = publishBatch();
      total += handled;
    } while (handled == settings.batchSize() && worker.running());
    return total;
  }

  /**
   * Claims, sends and commits one batch; returns how many rows it handled (0: none due or busy).
   */
  int publishBatch() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<OutboxRecord> due = claim(connection);
        Batch batch = split(due);
        List<Future<RecordMetadata>> acks = send(batch);
        // The new delivery state and history are written while the broker acknowledges: they stay
        // uncommitted until every acknowledgement is in, so the broker's round trip and the
        // database's work overlap instead of adding up.
        markPublished(connection, batch.toPublish());
        markDead(connection, batch.exhausted());
        if (!due.isEmpty()) {
          observer.beforeCommit(connection, batch.toPublish(), batch.exhausted());
        }
        awaitAcks(acks);
        connection.commit();
        report(batch);
        return due.size();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private record Batch(List<OutboxRecord> toPublish, List<OutboxRecord> exhausted) {}

  private Batch split(List<OutboxRecord> due) {
    if (!(policy instanceof DeliveryPolicy.RedeliverUntilConfirmed redeliver)) {
      return new Batch(due, List.of());
    }
    List<OutboxRecord> toPublish = new ArrayList<>(due.size());
    List<OutboxRecord> exhausted = new ArrayList<>();
    for (OutboxRecord row : due) {
      (redeliver.exhausted(row.attempts()) ? exhausted : toPublish).add(row);
    }
    return new Batch(toPublish, exhausted);
  }

  /**
   * Due rows, at most one batch, in seq order (re-deliveries only fill the room first publications
   * leave); none when another instance holds the publisher lock.
   */
  private List<OutboxRecord> claim(Connection connection) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(redelivers ? CLAIM_ALL_DUE_SQL : CLAIM_FIRST_SQL)) {
      st.setLong(1, ADVISORY_LOCK_KEY);
      st.setInt(2, settings.batchSize());
      if (redelivers) {
        st.setInt(3, settings.batchSize());
      }
      List<OutboxRecord> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(OutboxRecord.read(rs));
        }
      }
      rows.sort(Comparator.comparingLong(OutboxRecord::seq));
      return rows;
    }
  }

  /**
   * Hands the whole batch to the producer without waiting, so it costs one round of broker
   * acknowledgements. No flush yet: the producer's short linger sends it while the caller writes
   * the delivery state, and {@link #awaitAcks} then waits for what is still in flight.
   */
  private List<Future<RecordMetadata>> send(Batch batch) {
    List<Future<RecordMetadata>> acks =
        new ArrayList<>(batch.toPublish().size() + batch.exhausted().size());
    for (OutboxRecord row : batch.toPublish()) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(row.topic(), row.key(), row.payload());
      OutboxHeaders.write(record.headers(), row, row.attempts() + 1);
      acks.add(producer.send(record));
    }
    for (OutboxRecord row : batch.exhausted()) {
      acks.add(producer.send(deadLetters.deadLetterFor(row)));
    }
    return acks;
  }

  private void awaitAcks(List<Future<RecordMetadata>> acks) {
    producer.flush(); // whatever a longer linger still holds goes now
    for (Future<RecordMetadata> ack : acks) {
      awaitAck(ack);
    }
  }

  private static void awaitAck(Future<RecordMetadata> ack) {
    try {
      ack.get();
    } catch (ExecutionException e) {
      throw new PublishFailedException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailedException(e);
    }
  }

  private void markPublished(Connection connection, List<OutboxRecord> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Long[] seqs = new Long[rows.size()];
    Long[] waits = new Long[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      seqs[i] = rows.get(i).seq();
      waits[i] = waitMillisAfter(rows.get(i).attempts() + 1);
    }
    try (PreparedStatement st = connection.prepareStatement(MARK_PUBLISHED_SQL)) {
      Array seqArray = connection.createArrayOf("bigint", seqs);
      Array waitArray = connection.createArrayOf("bigint", waits);
      st.setArray(1, seqArray);
      st.setArray(2, waitArray);
      st.executeUpdate();
    }
  }

  private long waitMillisAfter(int publication) {
    if (policy instanceof DeliveryPolicy.RedeliverUntilConfirmed redeliver) {
      return redeliver.waitAfter(publication).toMillis();
    }
    return NEVER;
  }

  private void markDead(Connection connection, List<OutboxRecord> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Long[] seqs = rows.stream().map(OutboxRecord::seq).toArray(Long[]::new);
    try (PreparedStatement st = connection.prepareStatement(MARK_DEAD_SQL)) {
      st.setArray(1, connection.createArrayOf("bigint", seqs));
      st.executeUpdate();
    }
  }

  private void report(Batch batch) {
    if (!batch.toPublish().isEmpty()) {
      observer.published(batch.toPublish());
    }
    if (!batch.exhausted().isEmpty()) {
      observer.deadLettered(batch.exhausted());
      log.atWarn()
          .addKeyValue("publisher", settings.name())
          .addKeyValue("count", batch.exhausted().size())
          .log("outbox rows exhausted their re-delivery schedule and were dead-lettered");
    }
  }
}
