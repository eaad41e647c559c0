package com.paystream.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.payments.CallbackReceived;
import com.paystream.ledger.payments.FeePolicy;
import com.paystream.ledger.payments.MessageMeta;
import com.paystream.ledger.payments.PostingRules;
import com.paystream.ledger.payments.ReportedStatus;
import com.paystream.ledger.publishing.LedgerEventComposer;
import com.paystream.ledger.publishing.LedgerTopics;
import com.paystream.ledger.support.LedgerDatabase;
import com.paystream.platform.money.FeeSchedule;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two ledger instances on one real PostgreSQL, taking the same partition one after the other as a
 * rebalance would: the one that lost it (a zombie back from a freeze) books nothing of it, the new
 * owner's takeover waits for the batch the old owner has in flight and resumes after it, and a
 * frozen transaction holds the takeover no longer than the idle timeout.
 */
class PartitionFenceTest {

  private static final String GROUP = "ledger-fence-test";
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  private static DatabaseCoordinates db;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void database() {
    db = LedgerDatabase.migrated("ledger_fence").coordinates();
    jdbc = new JdbcTemplate(dataSource());
  }

  @Test
  void aBatchOfAPartitionAnotherInstanceTookIsRefusedAndBookedOnceByTheNewOwner() {
    String topic = topic();
    Instance a = new Instance(Duration.ofSeconds(10));
    Instance b = new Instance(Duration.ofSeconds(10));
    assertThat(a.booking.takeOwnership(GROUP, topic, List.of(0), "a")).containsEntry(0, 1L);
    assertThat(b.booking.takeOwnership(GROUP, topic, List.of(0), "b")).containsEntry(0, 2L);
    List<InboundRecord> batch = callbacks(topic, 0, 3);

    assertThatThrownBy(() -> a.booking.apply(batch))
        .isInstanceOfSatisfying(
            Fenced.class,
            fenced ->
                assertThat(fenced.partitions())
                    .containsExactly(new Fenced.Partition(topic, 0, 1, 2)));

    assertThat(writtenFor(topic)).as("nothing of the zombie's batch").isZero();
    assertThat(count("select count(*) from outbox")).isZero();
    assertThat(a.fencedBatches()).isEqualTo(1.0);
    assertThat(b.booking.apply(batch))
        .extracting(AppliedRecord::outcome)
        .allMatch(Outcome.Posted.class::isInstance);
    assertThat(b.booking.apply(batch))
        .extracting(AppliedRecord::outcome)
        .allMatch(Outcome.Duplicate.class::isInstance);
    assertThat(writtenFor(topic)).isEqualTo(3);
    assertThat(entriesOf(batch)).as("one entry per payment").containsOnly(1L);
    assertThat(b.fencedBatches()).isZero();
  }

  @Test
  void anInstanceBooksNothingOfAPartitionItReleasedOrNeverTook() {
    String topic = topic();
    Instance a = new Instance(Duration.ofSeconds(10));
    a.booking.takeOwnership(GROUP, topic, List.of(0), "a");
    a.booking.releaseOwnership(topic, List.of(0));

    assertThatThrownBy(() -> a.booking.apply(callbacks(topic, 0, 1)))
        .isInstanceOfSatisfying(
            Fenced.class,
            fenced ->
                assertThat(fenced.partitions())
                    .containsExactly(new Fenced.Partition(topic, 0, 0, 1)));
    assertThatThrownBy(() -> a.booking.apply(callbacks(topic, 1, 1))).isInstanceOf(Fenced.class);
    assertThat(writtenFor(topic)).isZero();
    assertThat(a.fencedBatches()).isEqualTo(2.0);
  }

  @Test
  void aTakeoverWaitsForTheBatchInFlightAndResumesAfterIt() throws Exception {
    String topic = topic();
    Instance a = new Instance(Duration.ZERO);
    Instance b = new Instance(Duration.ofSeconds(10));
    a.booking.takeOwnership(GROUP, topic, List.of(0), "a");
    List<InboundRecord> batch = callbacks(topic, 0, 3);
    CountDownLatch booked = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);

    // A's batch is booked and held uncommitted, as by an instance frozen just before its commit.
    CompletableFuture<Void> inFlight =
        CompletableFuture.runAsync(
            () ->
                a.transactions.executeWithoutResult(
                    status -> {
                      a.booking.apply(batch);
                      booked.countDown();
                      awaitLatch(commit);
                    }));
    assertThat(booked.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Map<Integer, Long>> takeover =
        CompletableFuture.supplyAsync(() -> b.booking.takeOwnership(GROUP, topic, List.of(0), "b"));

    await().atMost(DEADLINE).until(PartitionFenceTest::aTakeoverWaitsForALock);
    assertThat(takeover).isNotDone();
    commit.countDown();

    inFlight.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(takeover.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).containsEntry(0, 2L);
    assertThat(b.booking.resumeOffsets(topic, List.of(0)))
        .as("the new owner resumes after the old owner's last batch")
        .containsEntry(0, 3L);
    assertThatThrownBy(() -> a.booking.apply(callbacks(topic, 0, 4))).isInstanceOf(Fenced.class);
    assertThat(writtenFor(topic)).isEqualTo(3);
  }

  @Test
  void aFrozenBatchHoldsItsPartitionNoLongerThanTheIdleTimeout() throws Exception {
    String topic = topic();
    Instance a = new Instance(Duration.ofSeconds(1));
    Instance b = new Instance(Duration.ofSeconds(10));
    a.booking.takeOwnership(GROUP, topic, List.of(0), "a");
    CountDownLatch booked = new CountDownLatch(1);
    CountDownLatch thaw = new CountDownLatch(1);

    CompletableFuture<Void> frozen =
        CompletableFuture.runAsync(
            () ->
                a.transactions.executeWithoutResult(
                    status -> {
                      a.booking.apply(callbacks(topic, 0, 2));
                      booked.countDown();
                      awaitLatch(thaw);
                    }));
    assertThat(booked.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    Map<Integer, Long> epochs =
        CompletableFuture.supplyAsync(() -> b.booking.takeOwnership(GROUP, topic, List.of(0), "b"))
            .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    thaw.countDown();

    assertThat(epochs).containsEntry(0, 2L);
    assertThat(frozen)
        .as("PostgreSQL ended the frozen session; its commit fails")
        .failsWithin(DEADLINE);
    assertThat(b.booking.resumeOffsets(topic, List.of(0))).isEmpty();
    assertThat(writtenFor(topic)).isZero();
  }

  /** One ledger instance: its own connections, booking service and meters. */
  private static final class Instance {
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TransactionTemplate transactions;
    final BookingService booking;

    Instance(Duration idleInTransactionTimeout) {
      DriverManagerDataSource dataSource = dataSource();
      transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
      booking =
          new BookingService(
              new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
              new JdbcBookingStore(new JdbcTemplate(dataSource)),
              new BatchPlanner(new PostingRules(FeePolicy.flat(new FeeSchedule(100, 10)))),
              new LedgerEventComposer(
                  LedgerTopics.withPrefix("fence."),
                  new AvroSerializer<>(
                      PinnedSchemaRegistry.bundled(), SubjectNameStrategy.topicName("fence."))),
              new BusinessCalendar(ZoneOffset.UTC, LocalTime.MIDNIGHT),
              Clock.systemUTC(),
              meters,
              idleInTransactionTimeout);
    }

    double fencedBatches() {
      return meters.counter("ledger.fenced.batches").count();
    }
  }

  private static DriverManagerDataSource dataSource() {
    return new DriverManagerDataSource(
        db.jdbcUrl(), db.runtime().username(), db.runtime().password());
  }

  private static String topic() {
    return "fence." + UUID.randomUUID() + ".payments.callbacks.v1";
  }

  private static List<InboundRecord> callbacks(String topic, int partition, int count) {
    List<InboundRecord> records = new ArrayList<>();
    for (int offset = 0; offset < count; offset++) {
      CallbackReceived callback =
          new CallbackReceived(
              UUID.randomUUID(),
              "pay-" + UUID.randomUUID(),
              "m-1",
              "psp",
              ReportedStatus.SUCCEEDED,
              1_000 + offset,
              "EUR",
              new MessageMeta(AT, ""));
      records.add(
          new InboundRecord.Readable(
              new SourceRef(topic, partition, offset, null, new byte[] {1}), callback));
    }
    return records;
  }

  private static long writtenFor(String topic) {
    return count("select count(*) from processed_event where source_topic = ?", topic);
  }

  private static List<Long> entriesOf(List<InboundRecord> records) {
    return records.stream()
        .map(
            r ->
                count(
                    "select count(*) from journal_entry where payment_id = ?",
                    ((InboundRecord.Readable) r).message().paymentId()))
        .toList();
  }

  private static long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  /** Seen as the superuser: a session of the runtime role waiting for a row lock to take over. */
  private static boolean aTakeoverWaitsForALock() {
    return new JdbcTemplate(SharedInfrastructure.postgres().dataSource(db.database()))
            .queryForObject(
                "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock' and query like 'insert into partition_owner%'",
                Long.class)
        == 1;
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the batch");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
