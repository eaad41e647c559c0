package com.paystream.ledger.settlement;

import com.paystream.ledger.booking.AppliedRecord;
import com.paystream.ledger.booking.BatchPlan;
import com.paystream.ledger.booking.EventComposer;
import com.paystream.ledger.booking.InboundRecord;
import com.paystream.ledger.booking.Outcome;
import com.paystream.ledger.booking.persistence.DatabaseRefusal;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.journal.Books;
import com.paystream.ledger.journal.ChainSlot;
import com.paystream.ledger.journal.Chains;
import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.journal.SourceType;
import com.paystream.ledger.settlement.persistence.SettlementStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books provider payouts, each in one database transaction: the PROVIDER_SETTLEMENT entry, its
 * postings and balances, its dedupe record and its outbox rows (entry event, cashflow lines) commit
 * together or not at all, or, for a payout that cannot be booked, the dead letter and the dedupe
 * record do. The caller commits the record's offset only afterwards, so a crash anywhere replays
 * it, and the replay finds the dedupe record and changes nothing. Two writers of one payout (a
 * rebalance) cannot both commit: the second hits the dedupe record's and the entry's unique keys,
 * rolls back and, retried, finds the first one's.
 *
 * <p>The entry goes on the journal chain of the record's partition, like every consumed record's,
 * and is not fenced: settlements are few and their exactly-once rests on the unique keys alone.
 */
public final class ProviderSettlementService {

  private final TransactionTemplate transactions;
  private final JdbcBookingStore books;
  private final SettlementStore settlements;
  private final EventComposer composer;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final MeterRegistry meters;

  public ProviderSettlementService(
      TransactionTemplate transactions,
      JdbcBookingStore books,
      SettlementStore settlements,
      EventComposer composer,
      BusinessCalendar calendar,
      Clock clock,
      MeterRegistry meters) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.books = Objects.requireNonNull(books, "books");
    this.settlements = Objects.requireNonNull(settlements, "settlements");
    this.composer = Objects.requireNonNull(composer, "composer");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  /**
   * Applies the record exactly once and says what it did. Throws when the database or the broker is
   * unavailable (the caller retries the record); a record the database refuses (an invariant this
   * code missed) is dead-lettered in a transaction of its own, never retried forever.
   */
  public Outcome apply(SettlementRecord record) {
    Outcome outcome;
    try {
      outcome = transactions.execute(status -> applyInTransaction(record));
    } catch (RuntimeException e) {
      Optional<Refusal> refused =
          DatabaseRefusal.isConflict(e) ? Optional.empty() : DatabaseRefusal.of(e);
      if (refused.isEmpty()) {
        // An outage, or another writer booked it first: the retry books it or finds it booked.
        throw e;
      }
      outcome = transactions.execute(status -> deadLetterUnlessApplied(record, refused.get()));
    }
    count(record, Objects.requireNonNull(outcome, "outcome"));
    return outcome;
  }

  private Outcome applyInTransaction(SettlementRecord record) {
    if (alreadyApplied(record)) {
      return new Outcome.Duplicate();
    }
    if (record instanceof SettlementRecord.Unreadable unreadable) {
      return deadLetter(record, unreadable.refusal());
    }
    SettlementRecord.Payout payout = (SettlementRecord.Payout) record;
    ProviderSettlementRules.Decision decision = ProviderSettlementRules.decide(payout.payout());
    if (decision instanceof ProviderSettlementRules.Decision.Refuse refuse) {
      return deadLetter(record, refuse.refusal());
    }
    if (decision instanceof ProviderSettlementRules.Decision.NoMovement none) {
      settlements.recordProcessed(
          record.sourceEventId(),
          SourceType.STATEMENT.name(),
          "NO_FINANCIAL_EFFECT",
          null,
          null,
          record.source(),
          now());
      return new Outcome.NoFinancialEffect(none.reason());
    }
    return book(payout, (ProviderSettlementRules.Decision.Book) decision);
  }

  private Outcome book(SettlementRecord.Payout payout, ProviderSettlementRules.Decision.Book book) {
    LocalDate lastClosed = books.lastClosedDate();
    List<AccountState> accounts = books.ensureAndLockAccounts(book.accounts());
    Instant bookedAt = bookingInstant(accounts);
    LocalDate effectiveDate =
        effectiveDate(calendar, payout.payout().valueDate(), bookedAt, lastClosed, accounts);
    Books ledger = new Books(accounts);
    Books.Result result =
        ledger.post(book.entry(), book.sourceId(), SourceType.STATEMENT, effectiveDate, bookedAt);
    if (result instanceof Books.Refused refused) {
      // Nothing was applied; accounts opened for it stay, empty.
      return deadLetter(payout, refused.refusal());
    }
    BookedEntry entry = ((Books.Booked) result).entry();
    String chain = Chains.ofPartition(payout.source().topic(), payout.source().partition());
    BatchPlan plan =
        new BatchPlan(
            bookedAt,
            effectiveDate,
            List.of(),
            List.of(entry),
            List.copyOf(ledger.changedAccounts()),
            List.of(),
            List.of(ChainSlot.of(chain, entry)),
            List.of(payout.traceId()));
    books.write(plan, composer.composeOperatorEntry(entry, payout.traceId(), payout.spanId()));
    settlements.recordProcessed(
        book.sourceId(),
        SourceType.STATEMENT.name(),
        "POSTED",
        entry.id(),
        null,
        payout.source(),
        bookedAt);
    return new Outcome.Posted(entry);
  }

  /**
   * The entry's effective date: the payout's value date (the day the bank moved the money) when the
   * books can still take it there, else the nearest date they can. It is never on or before the
   * last closed date (a closed date never changes), never after the booking's own business date
   * (the books do not run ahead of the calendar), and never before a date the accounts already have
   * postings on: the day close adds each account's postings up to a date and checks the sum against
   * the balance its last posting of that date carries, so an account's postings must follow its
   * dates. Every posting's date is at most the business date of its booking instant (or the first
   * open one), so the business date of an account's last posting bounds the dates it has.
   */
  static LocalDate effectiveDate(
      BusinessCalendar calendar,
      LocalDate valueDate,
      Instant bookedAt,
      LocalDate lastClosed,
      List<AccountState> accounts) {
    LocalDate latest = calendar.effectiveDate(bookedAt, lastClosed);
    LocalDate earliest = lastClosed == null ? valueDate : lastClosed.plusDays(1);
    for (AccountState account : accounts) {
      if (account.lastPostedAt() != null) {
        LocalDate posted = calendar.effectiveDate(account.lastPostedAt(), lastClosed);
        earliest = posted.isAfter(earliest) ? posted : earliest;
      }
    }
    LocalDate date = valueDate.isBefore(earliest) ? earliest : valueDate;
    return date.isAfter(latest) ? latest : date;
  }

  private Outcome deadLetterUnlessApplied(SettlementRecord record, Refusal refusal) {
    return alreadyApplied(record) ? new Outcome.Duplicate() : deadLetter(record, refusal);
  }

  /**
   * The dead letter on the ledger's dead-letter topic (reason, original key and value, the payout's
   * message id) and the dedupe record, so the record is dead-lettered once and the consumer goes
   * on.
   */
  private Outcome deadLetter(SettlementRecord record, Refusal refusal) {
    Instant at = now();
    Outcome.DeadLettered outcome = new Outcome.DeadLettered(refusal);
    InboundRecord letter =
        new InboundRecord.Unreadable(
            record.source(), refusal, record.messageId(), null, record.traceId(), record.spanId());
    BatchPlan plan =
        new BatchPlan(
            at,
            calendar.businessDateOf(at),
            List.of(new AppliedRecord(letter, outcome)),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    books.writeOutbox(composer.compose(plan));
    settlements.recordProcessed(
        record.sourceEventId(),
        record instanceof SettlementRecord.Payout ? SourceType.STATEMENT.name() : "UNREADABLE",
        "DEAD_LETTERED",
        null,
        refusal.code(),
        record.source(),
        at);
    return outcome;
  }

  private boolean alreadyApplied(SettlementRecord record) {
    return !books.processed(List.of(record.sourceEventId())).isEmpty();
  }

  private Instant bookingInstant(List<AccountState> accounts) {
    Instant at = now();
    for (AccountState account : accounts) {
      if (account.lastPostedAt() != null && account.lastPostedAt().isAfter(at)) {
        at = account.lastPostedAt();
      }
    }
    return at;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private void count(SettlementRecord record, Outcome outcome) {
    String name =
        outcome instanceof Outcome.Posted
            ? "posted"
            : outcome instanceof Outcome.NoFinancialEffect
                ? "no_financial_effect"
                : outcome instanceof Outcome.DeadLettered ? "dead_lettered" : "duplicate";
    meters.counter("ledger.settlements", "outcome", name).increment();
    if (outcome instanceof Outcome.Posted) {
      meters.counter("ledger.journal.entries").increment();
    }
    if (outcome instanceof Outcome.DeadLettered dead) {
      // The same name in every service that dead-letters: dead letters per service and reason.
      meters
          .counter(
              "paystream.dead.letters",
              "reason",
              dead.refusal().code(),
              "topic",
              record.source().topic())
          .increment();
    }
  }
}
