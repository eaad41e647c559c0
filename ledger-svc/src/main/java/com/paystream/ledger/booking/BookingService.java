package com.paystream.ledger.booking;

import com.paystream.ledger.booking.persistence.DatabaseRefusal;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.journal.Refusal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of consumed records in one database transaction: the dedupe records, entries,
 * postings, balances, payment positions and outbox rows commit together or not at all, and the
 * caller commits the consumer offsets only afterwards. A replayed record finds its dedupe record
 * and changes nothing.
 *
 * <p>Several instances may share the partitions. Each takes its partitions with an epoch when they
 * are assigned ({@link #takeOwnership}), and every transaction of a consumed batch first locks its
 * partitions' owner rows FOR SHARE and compares their epochs with its own: an instance that lost a
 * partition while it was frozen is refused ({@link Fenced}), nothing written. A takeover waits for
 * the batches holding the rows, so the positions the new owner reads next include them.
 *
 * <p>When the database refuses the batch's data (an invariant the code missed), the batch is
 * applied again one record at a time, so that only the offending record is dead-lettered and the
 * others are booked. Transient failures propagate: the caller retries the whole batch.
 */
public final class BookingService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BookingService.class);
  // Whether a batch that books a payment applies the commands parked for it.
  private static final boolean APPLY_PARKED = true;
  private static final boolean KEEP_PARKED = false;

  /** The default of {@code paystream.ledger.fence.idle-in-transaction-timeout}. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);

  private final TransactionTemplate transactions;
  private final JdbcBookingStore store;
  private final BatchPlanner planner;
  private final EventComposer composer;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final BookingMetrics metrics;
  private final PartitionOwnership ownership = new PartitionOwnership();
  private final Duration idleInTransactionTimeout;
  // Serializes a batch's events (CPU only) while its books are written; one thread serves both
  // listeners, whose batches are independent.
  private final ExecutorService composing;

  public BookingService(
      TransactionTemplate transactions,
      JdbcBookingStore store,
      BatchPlanner planner,
      EventComposer composer,
      BusinessCalendar calendar,
      Clock clock,
      MeterRegistry meters) {
    this(transactions, store, planner, composer, calendar, clock, meters, DEFAULT_IDLE_TIMEOUT);
  }

  /**
   * {@code idleInTransactionTimeout}: how long a booking transaction may sit idle before PostgreSQL
   * ends its session (0: never); it bounds how long a frozen instance blocks the partitions' next
   * owner.
   */
  public BookingService(
      TransactionTemplate transactions,
      JdbcBookingStore store,
      BatchPlanner planner,
      EventComposer composer,
      BusinessCalendar calendar,
      Clock clock,
      MeterRegistry meters,
      Duration idleInTransactionTimeout) {
    this.idleInTransactionTimeout = idleInTransactionTimeout;
    this.transactions = transactions;
    this.store = store;
    this.planner = planner;
    this.composer = composer;
    this.calendar = calendar;
    this.clock = clock;
    this.metrics = new BookingMetrics(meters);
    CustomizableThreadFactory threads = new CustomizableThreadFactory("ledger-event-composer-");
    threads.setDaemon(true);
    this.composing = Executors.newSingleThreadExecutor(threads);
  }

  /**
   * Applies the consumed records in order; returns what each did. Throws {@link Fenced} when this
   * instance does not own one of their partitions (nothing written), else only on transient
   * failures.
   */
  public List<AppliedRecord> apply(List<InboundRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    Timer.Sample sample = Timer.start();
    try {
      return applyOwned(records);
    } catch (Fenced fenced) {
      metrics.fenced();
      fenced
          .partitions()
          .forEach(
              p ->
                  log.atWarn()
                      .addKeyValue("topic", p.topic())
                      .addKeyValue("partition", p.partition())
                      .addKeyValue("ownEpoch", p.ownEpoch())
                      .addKeyValue("currentEpoch", p.currentEpoch())
                      .addKeyValue("records", records.size())
                      .log(
                          "batch fenced: another instance owns the partition now; nothing booked"));
      throw fenced;
    } finally {
      sample.stop(metrics.batchTimer());
    }
  }

  private List<AppliedRecord> applyOwned(List<InboundRecord> records) {
    try {
      List<AppliedRecord> applied = inTransaction(records);
      metrics.count(applied);
      return applied;
    } catch (Fenced fenced) {
      throw fenced;
    } catch (RuntimeException e) {
      Optional<Refusal> refusal = DatabaseRefusal.of(e);
      if (refusal.isEmpty()) {
        throw e;
      }
      log.atWarn()
          .addKeyValue("records", records.size())
          .addKeyValue("sqlRefusal", refusal.get().reason())
          .log("database refused a batch; applying its records one at a time");
      return oneByOne(records);
    }
  }

  /**
   * Takes {@code partitions} of {@code topic} for this instance in {@code group}: moves each one's
   * epoch up by one (waiting for the batches of the previous owner that hold it) and remembers the
   * new epochs, which this instance's batches of those partitions are then booked under. Call it
   * before reading where to resume, so that the positions include the previous owner's last batch.
   */
  public Map<Integer, Long> takeOwnership(
      String group, String topic, Collection<Integer> partitions, String owner) {
    List<PartitionKey> keys = partitions.stream().map(p -> new PartitionKey(topic, p)).toList();
    Map<PartitionKey, Long> epochs = store.takeOwnership(group, keys, owner);
    ownership.took(group, epochs);
    Map<Integer, Long> byPartition = new TreeMap<>();
    epochs.forEach((key, epoch) -> byPartition.put(key.partition(), epoch));
    return byPartition;
  }

  /** Forgets the epochs of partitions revoked or lost: their batches are fenced from now on. */
  public void releaseOwnership(String topic, Collection<Integer> partitions) {
    ownership.released(partitions.stream().map(p -> new PartitionKey(topic, p)).toList());
  }

  /** The epoch this instance holds for a partition, 0 if none. */
  public long ownedEpoch(String topic, int partition) {
    return ownership.epoch(new PartitionKey(topic, partition));
  }

  /**
   * Where to resume consuming each partition of {@code topic}: the offset after the highest one
   * this database recorded as consumed (every first-time record writes its dedupe record, with its
   * position, in its booking transaction). Partitions of which nothing is recorded are absent.
   */
  public Map<Integer, Long> resumeOffsets(String topic, Collection<Integer> partitions) {
    return store.nextOffsets(topic, partitions);
  }

  private List<AppliedRecord> oneByOne(List<InboundRecord> records) {
    List<AppliedRecord> all = new java.util.ArrayList<>(records.size());
    for (InboundRecord record : records) {
      all.addAll(applyAlone(record));
    }
    metrics.count(all);
    return all;
  }

  private List<AppliedRecord> applyAlone(InboundRecord record) {
    try {
      return inTransaction(List.of(record));
    } catch (RuntimeException first) {
      if (DatabaseRefusal.isConflict(first)) {
        // A concurrent writer applied it first (e.g. after a rebalance): this run reads its result.
        try {
          return inTransaction(List.of(record));
        } catch (RuntimeException second) {
          return deadLetterOrRethrow(record, second);
        }
      }
      if (DatabaseRefusal.of(first).isPresent()) {
        return withoutParkedOrDeadLetter(record);
      }
      throw first;
    }
  }

  /**
   * What the database refused may be a parked command applied with the record that books its
   * payment, not the record: the record is then booked without them. They stay parked, with no
   * dedupe record, and a re-delivery applies (and, if refused again, dead-letters) each as a live
   * command.
   */
  private List<AppliedRecord> withoutParkedOrDeadLetter(InboundRecord record) {
    try {
      List<AppliedRecord> applied =
          transactions.execute(
              status -> fenced(List.of(record), () -> plan(List.of(record), KEEP_PARKED)));
      log.atWarn()
          .addKeyValue("source", record.source().toString())
          .addKeyValue("sourceEventId", record.sourceEventId())
          .log("database refused a record with its parked commands; booked it without them");
      return applied;
    } catch (RuntimeException second) {
      return deadLetterOrRethrow(record, second);
    }
  }

  private List<AppliedRecord> deadLetterOrRethrow(InboundRecord record, RuntimeException failure) {
    Refusal refusal = DatabaseRefusal.of(failure).orElseThrow(() -> failure);
    log.atError()
        .addKeyValue("source", record.source().toString())
        .addKeyValue("sourceEventId", record.sourceEventId())
        .addKeyValue("reasonCode", refusal.code())
        .setCause(failure)
        .log("database refused a record the posting rules accepted; dead-lettering it");
    return transactions.execute(
        status -> fenced(List.of(record), () -> deadLetterAlone(record, refusal)));
  }

  private List<AppliedRecord> deadLetterAlone(InboundRecord record, Refusal refusal) {
    Set<UUID> processed = store.processed(List.of(record.sourceEventId()));
    Instant bookedAt = now();
    BatchPlan plan =
        new BatchPlan(
            bookedAt,
            calendar.businessDateOf(bookedAt),
            List.of(
                new AppliedRecord(
                    record,
                    processed.isEmpty()
                        ? new Outcome.DeadLettered(refusal)
                        : new Outcome.Duplicate())),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    store.write(plan, composer.compose(plan));
    return plan.applied();
  }

  private List<AppliedRecord> inTransaction(List<InboundRecord> records) {
    return transactions.execute(status -> fenced(records, () -> plan(records, APPLY_PARKED)));
  }

  /**
   * Runs {@code work} after the fence, in the caller's transaction: one statement locks the
   * partitions' owner rows FOR SHARE (held to commit) and any epoch that is not this instance's
   * throws {@link Fenced}, which rolls the transaction back.
   */
  private List<AppliedRecord> fenced(
      List<InboundRecord> records, Supplier<List<AppliedRecord>> work) {
    List<PartitionOwnership.Claim> claims = ownership.claims(records);
    Map<PartitionKey, Long> current =
        store.lockOwners(
            claims.stream().map(PartitionOwnership.Claim::group).toList(),
            claims.stream().map(PartitionOwnership.Claim::partition).toList(),
            idleInTransactionTimeout);
    List<Fenced.Partition> stale = new ArrayList<>();
    for (PartitionOwnership.Claim claim : claims) {
      long epoch = current.getOrDefault(claim.partition(), 0L);
      if (claim.epoch() == 0 || epoch != claim.epoch()) {
        stale.add(
            new Fenced.Partition(
                claim.partition().topic(), claim.partition().partition(), claim.epoch(), epoch));
      }
    }
    if (!stale.isEmpty()) {
      throw new Fenced(stale);
    }
    return work.get();
  }

  private List<AppliedRecord> plan(List<InboundRecord> records, boolean applyParked) {
    Set<UUID> processed =
        store.processed(records.stream().map(InboundRecord::sourceEventId).toList());
    List<InboundRecord> fresh =
        records.stream().filter(r -> !processed.contains(r.sourceEventId())).toList();
    if (fresh.isEmpty()) {
      return records.stream().map(r -> new AppliedRecord(r, new Outcome.Duplicate())).toList();
    }
    // Lock order, the same in every transaction: calendar (shared), payments (advisory, then
    // positions), accounts.
    LocalDate lastClosed = store.lastClosedDate();
    Set<String> paymentIds = planner.paymentIds(fresh);
    Map<String, com.paystream.ledger.payments.PaymentPosition> positions =
        store.lockPositions(paymentIds);
    // Commands that overtook a payment of the batch not booked yet: applied if the batch books it.
    List<InboundRecord.Readable> parked =
        store.parkedCommands(paymentIds.stream().filter(id -> !positions.containsKey(id)).toList());
    List<AccountState> accounts =
        store.ensureAndLockAccounts(planner.accountDemand(fresh, parked, positions));
    Instant bookedAt = bookingInstant(accounts);
    LocalDate effectiveDate = calendar.effectiveDate(bookedAt, lastClosed);
    BatchPlan plan =
        planner.plan(
            records,
            new BatchInput(
                processed, positions, accounts, bookedAt, effectiveDate, parked, applyParked));
    // The events need only the plan, so they are serialized while the database writes the books.
    Future<List<OutboxMessage>> events = composing.submit(() -> composer.compose(plan));
    store.writeBooks(plan);
    store.writeOutbox(composed(events));
    return plan.applied();
  }

  private static List<OutboxMessage> composed(Future<List<OutboxMessage>> events) {
    try {
      return events.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException("composing the batch's events failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while composing the batch's events", e);
    }
  }

  @Override
  public void close() {
    composing.shutdownNow();
  }

  /**
   * Taken after the accounts are locked, and never before their last posting, so that booking times
   * follow each account's sequence even if the wall clock steps back: "balance as of" an instant is
   * then the balance after the account's last posting booked at or before it.
   */
  private Instant bookingInstant(List<AccountState> accounts) {
    Instant at = now();
    for (AccountState account : accounts) {
      if (account.lastPostedAt() != null && account.lastPostedAt().isAfter(at)) {
        at = account.lastPostedAt();
      }
    }
    return at;
  }

  /** Millisecond precision: what the database stores and the topics carry agree exactly. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
