package com.paystream.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.payments.FeePolicy;
import com.paystream.ledger.payments.PostingRules;
import com.paystream.ledger.publishing.LedgerEventComposer;
import com.paystream.ledger.publishing.LedgerTopics;
import com.paystream.ledger.support.LedgerDatabase;
import com.paystream.platform.money.FeeSchedule;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same random histories as {@link LedgerInvariantsPropertyTest}, applied by the real
 * BookingService to the real PostgreSQL schema (triggers and all), in random batches: the database
 * accepts everything the planner produces, its balances are the sums of its postings, the trial
 * balance is zero per currency, and replaying every message changes nothing. One database for all
 * tries, so the invariants also hold across histories.
 */
class BookingServiceInvariantsPropertyTest {

  private static SingleConnectionDataSource dataSource;
  private static BookingService booking;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void database() {
    LedgerDatabase database = LedgerDatabase.migrated("ledger_properties");
    var db = database.coordinates();
    dataSource =
        new SingleConnectionDataSource(
            db.jdbcUrl(), db.runtime().username(), db.runtime().password(), true);
    jdbc = new JdbcTemplate(dataSource);
    LedgerTopics topics = LedgerTopics.withPrefix("props.");
    booking =
        new BookingService(
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
            new JdbcBookingStore(jdbc),
            new BatchPlanner(
                new PostingRules(
                    new FeePolicy(new FeeSchedule(175, 30), Map.of("m-3", new FeeSchedule(0, 0))))),
            new LedgerEventComposer(
                topics,
                new AvroSerializer<>(
                    PinnedSchemaRegistry.bundled(), SubjectNameStrategy.topicName("props."))),
            new BusinessCalendar(ZoneOffset.UTC, LocalTime.MIDNIGHT),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    // This instance owns the partition the histories are consumed from.
    booking.takeOwnership("props", "t", List.of(0), "test");
  }

  @AfterAll
  static void close() {
    dataSource.destroy();
  }

  @Test
  void theDatabaseKeepsTheBooksBalancedAndAReplayChangesNothing() {
    qt().withExamples(25)
        .forAll(LedgerInvariantsPropertyTest.histories(), LedgerInvariantsPropertyTest.seeds())
        .checkAssert(
            (history, seed) -> {
              Random random = new Random(seed);
              List<InboundRecord> records = new ArrayList<>();
              for (Object event : LedgerInvariantsPropertyTest.records(history, random)) {
                if (event instanceof InboundRecord record) {
                  records.add(record);
                }
              }

              applyInRandomBatches(records, random);

              assertThat(accountsWhoseBalanceIsNotTheSumOfTheirPostings()).isZero();
              assertThat(currenciesWhoseTrialBalanceIsNotZero()).isZero();
              Map<String, Object> before = bookkeeping();
              applyInRandomBatches(records, random);
              assertThat(bookkeeping()).isEqualTo(before);
            });
  }

  private static void applyInRandomBatches(List<InboundRecord> records, Random random) {
    int index = 0;
    while (index < records.size()) {
      int size = 1 + random.nextInt(12);
      booking.apply(records.subList(index, Math.min(records.size(), index + size)));
      index += size;
    }
  }

  private static long accountsWhoseBalanceIsNotTheSumOfTheirPostings() {
    return jdbc.queryForObject(
        "select count(*) from account a left join ("
            + " select p.account_id, sum(case when (p.side = 'DEBIT') = (t.type in ('ASSET', 'EXPENSE'))"
            + " then p.amount_minor else -p.amount_minor end) as total"
            + " from posting p join account t on t.id = p.account_id group by p.account_id) s"
            + " on s.account_id = a.id"
            + " where a.available_minor + a.frozen_minor <> coalesce(s.total, 0)",
        Long.class);
  }

  private static long currenciesWhoseTrialBalanceIsNotZero() {
    return jdbc.queryForObject(
        "select count(*) from (select currency, sum(case when type in ('ASSET', 'EXPENSE')"
            + " then available_minor + frozen_minor else -(available_minor + frozen_minor) end) t"
            + " from account group by currency) x where t <> 0",
        Long.class);
  }

  private static Map<String, Object> bookkeeping() {
    return jdbc.queryForMap(
        "select (select count(*) from journal_entry) entries, (select count(*) from posting) postings,"
            + " (select count(*) from processed_event) processed, (select count(*) from outbox) outbox,"
            + " (select coalesce(sum(available_minor), 0) from account) balances");
  }
}
