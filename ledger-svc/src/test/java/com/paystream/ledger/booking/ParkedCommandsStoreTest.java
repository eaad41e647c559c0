package com.paystream.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.journal.EntryIds;
import com.paystream.ledger.payments.CallbackReceived;
import com.paystream.ledger.payments.CommandReceived;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parking through the real BookingService and PostgreSQL schema: commands parked in earlier batches
 * come back from {@code parked_command} as they were received and are applied, in the order they
 * were consumed, by the batch that books their payment.
 */
class ParkedCommandsStoreTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final String CALLBACKS = "parked.payments.callbacks.v1";
  private static final String COMMANDS = "parked.payments.commands.v1";

  private static LedgerDatabase database;
  private static SingleConnectionDataSource dataSource;
  private static BookingService booking;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void database() {
    database = LedgerDatabase.migrated("ledger_parked");
    var db = database.coordinates();
    dataSource =
        new SingleConnectionDataSource(
            db.jdbcUrl(), db.runtime().username(), db.runtime().password(), true);
    jdbc = new JdbcTemplate(dataSource);
    booking =
        new BookingService(
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
            new JdbcBookingStore(jdbc),
            new BatchPlanner(new PostingRules(FeePolicy.flat(new FeeSchedule(100, 10)))),
            new LedgerEventComposer(
                LedgerTopics.withPrefix("parked."),
                new AvroSerializer<>(
                    PinnedSchemaRegistry.bundled(), SubjectNameStrategy.topicName("parked."))),
            new BusinessCalendar(ZoneOffset.UTC, LocalTime.MIDNIGHT),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    // This instance owns every partition the tests consume (the listener takes them on assignment).
    booking.takeOwnership("parked", CALLBACKS, List.of(0, 1, 2, 3), "test");
    booking.takeOwnership("parked", COMMANDS, List.of(0, 1, 2, 3), "test");
  }

  @AfterAll
  static void close() {
    booking.close();
    dataSource.destroy();
  }

  @Test
  void commandsParkedInEarlierBatchesAreAppliedInConsumedOrderWhenThePaymentIsBooked() {
    String paymentId = "pay-" + UUID.randomUUID();
    InboundRecord.Readable laterRefund = command(1, 7, refund(paymentId, 300));
    InboundRecord.Readable earlierRefund = command(0, 9, refund(paymentId, 200));
    booking.apply(List.of(laterRefund));
    booking.apply(List.of(earlierRefund));

    List<AppliedRecord> applied = booking.apply(List.of(callback(3, success(paymentId, 1_000))));

    assertThat(applied)
        .extracting(a -> a.record().sourceEventId())
        .containsExactly(
            applied.get(0).record().sourceEventId(),
            earlierRefund.sourceEventId(),
            laterRefund.sourceEventId());
    assertThat(applied).allSatisfy(a -> assertThat(a.outcome()).isInstanceOf(Outcome.Posted.class));
    assertThat(
            jdbc.queryForMap(
                "select source_topic, source_partition, source_offset, entry_id"
                    + " from processed_event where source_event_id = ?",
                laterRefund.sourceEventId()))
        .containsEntry("source_topic", COMMANDS)
        .containsEntry("source_partition", 1)
        .containsEntry("source_offset", 7L)
        .containsEntry("entry_id", EntryIds.forSource(laterRefund.sourceEventId()));
    assertThat(
            jdbc.queryForObject(
                "select refunded_minor from payment_position where payment_id = ?",
                Long.class,
                paymentId))
        .isEqualTo(500);
  }

  @Test
  void aParkedAmendmentComesBackAsItWasReceived() {
    String paymentId = "pay-" + UUID.randomUUID();
    CommandReceived amendment =
        new CommandReceived(
            UUID.randomUUID(),
            paymentId,
            "m-1",
            "psp",
            "operator-1",
            "operator-2",
            "provider took less",
            new CommandReceived.Amendment(900, "EUR", ReportedStatus.SUCCEEDED),
            new MessageMeta(AT, "trace-1"));
    booking.apply(List.of(command(0, 1, amendment)));

    booking.apply(List.of(callback(0, success(paymentId, 1_000))));

    assertThat(
            jdbc.queryForMap(
                "select entry_type, requested_by, approved_by, reason from journal_entry"
                    + " where source_event_id = ?",
                amendment.commandId()))
        .containsEntry("entry_type", "AMENDMENT")
        .containsEntry("requested_by", "operator-1")
        .containsEntry("approved_by", "operator-2")
        .containsEntry("reason", "provider took less");
    assertThat(
            jdbc.queryForObject(
                "select gross_minor from payment_position where payment_id = ?",
                Long.class,
                paymentId))
        .isEqualTo(900);
  }

  @Test
  void aReplayOfAParkedCommandChangesNothing() {
    String paymentId = "pay-" + UUID.randomUUID();
    InboundRecord.Readable refund = command(2, 4, refund(paymentId, 300));
    booking.apply(List.of(refund));

    List<AppliedRecord> replay = booking.apply(List.of(refund));

    assertThat(replay)
        .singleElement()
        .satisfies(a -> assertThat(a.outcome()).isInstanceOf(Outcome.Duplicate.class));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from parked_command where source_event_id = ?",
                Long.class,
                refund.sourceEventId()))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from processed_event where source_event_id = ?",
                Long.class,
                refund.sourceEventId()))
        .isZero();
  }

  @Test
  void aPaymentWhoseParkedCommandTheDatabaseRefusesIsBookedWithoutIt() throws Exception {
    String paymentId = "pay-" + UUID.randomUUID();
    InboundRecord.Readable refund = command(3, 1, refund(paymentId, 300));
    booking.apply(List.of(refund));
    refuseEntriesOf(refund.sourceEventId());

    List<AppliedRecord> applied = booking.apply(List.of(callback(3, success(paymentId, 1_000))));

    assertThat(applied)
        .singleElement()
        .satisfies(a -> assertThat(a.outcome()).isInstanceOf(Outcome.Posted.class));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from processed_event where source_event_id = ?",
                Long.class,
                refund.sourceEventId()))
        .as("still parked")
        .isZero();
  }

  /** A guard the posting rules do not know of: the database refuses this source's entries. */
  private static void refuseEntriesOf(UUID sourceEventId) throws Exception {
    try (var owner = database.connectAsOwner();
        var st = owner.createStatement()) {
      st.execute(
          "create function test_refuse_entry() returns trigger language plpgsql as $$ begin"
              + " if new.source_event_id = '"
              + sourceEventId
              + "' then raise exception 'refused by the test' using errcode = '23514';"
              + " end if; return new; end $$");
      st.execute(
          "create trigger test_refuse_entry before insert on journal_entry"
              + " for each row execute function test_refuse_entry()");
    }
  }

  private static InboundRecord.Readable callback(int partition, CallbackReceived callback) {
    return new InboundRecord.Readable(
        new SourceRef(
            CALLBACKS,
            partition,
            offsetFor(callback.callbackId()),
            key(callback.paymentId()),
            new byte[] {1}),
        callback);
  }

  private static InboundRecord.Readable command(
      int partition, long offset, CommandReceived command) {
    return new InboundRecord.Readable(
        new SourceRef(COMMANDS, partition, offset, key(command.paymentId()), new byte[] {2}),
        command);
  }

  private static long offsetFor(UUID id) {
    return Math.floorMod(id.getLeastSignificantBits(), 1_000_000L);
  }

  private static byte[] key(String paymentId) {
    return paymentId.getBytes(StandardCharsets.UTF_8);
  }

  private static CallbackReceived success(String paymentId, long amountMinor) {
    return new CallbackReceived(
        UUID.randomUUID(),
        paymentId,
        "m-1",
        "psp",
        ReportedStatus.SUCCEEDED,
        amountMinor,
        "EUR",
        new MessageMeta(AT, ""));
  }

  private static CommandReceived refund(String paymentId, long amountMinor) {
    return new CommandReceived(
        UUID.randomUUID(),
        paymentId,
        "m-1",
        "psp",
        "operator-1",
        null,
        "",
        new CommandReceived.Refund("refund-" + UUID.randomUUID(), amountMinor, "EUR"),
        new MessageMeta(AT, ""));
  }
}
