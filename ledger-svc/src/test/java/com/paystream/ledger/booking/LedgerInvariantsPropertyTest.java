package com.paystream.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.booleans;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.AccountType;
import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.journal.BookedPosting;
import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.payments.CallbackReceived;
import com.paystream.ledger.payments.CommandReceived;
import com.paystream.ledger.payments.FeePolicy;
import com.paystream.ledger.payments.MessageMeta;
import com.paystream.ledger.payments.PaymentMessage;
import com.paystream.ledger.payments.PaymentPosition;
import com.paystream.ledger.payments.PostingRules;
import com.paystream.ledger.payments.ReportedStatus;
import com.paystream.platform.ids.AccountId;
import com.paystream.platform.money.FeeSchedule;
import com.paystream.platform.money.Money;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * The ledger's invariants over random histories (QuickTheories generates and shrinks them):
 * payments, duplicates, second successes, reorderings, refunds (some beyond what the merchant
 * holds), cancellations, amendments, supplements and garbage, applied in random batches exactly as
 * the service applies them (positions and balances carried from batch to batch, dedupe by source
 * id).
 */
class LedgerInvariantsPropertyTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2026-03-01");
  private static final String[] MERCHANTS = {"m-1", "m-2", "m-3"};
  private static final String[] CURRENCIES = {"EUR", "USD", "JPY"};

  private final BatchPlanner planner =
      new BatchPlanner(
          new PostingRules(
              new FeePolicy(new FeeSchedule(175, 30), Map.of("m-3", new FeeSchedule(0, 0)))));

  /** One step of a history, before ids are drawn. */
  sealed interface Step {}

  record Pay(int payment, long amountMinor) implements Step {}

  record Again(int step) implements Step {}

  record SecondSuccess(int payment) implements Step {}

  record Pending(int payment) implements Step {}

  record Refund(int payment, long amountMinor) implements Step {}

  record Cancel(int payment) implements Step {}

  record Amend(int payment, long amountMinor) implements Step {}

  record Supplement(int payment, long amountMinor) implements Step {}

  record Garbage() implements Step {}

  /** Hold {@code amountMinor} on the merchant account of payment {@code payment}'s merchant. */
  record Hold(int payment, long amountMinor) implements Step {}

  /** Capture (pay out to provider clearing) or release one of the holds placed so far. */
  record Settle(int hold, boolean capture) implements Step {}

  /**
   * Histories of 1 to 80 steps, weighted towards payments, replays, refunds and holds; invalid
   * input (garbage, second successes, refunds beyond the balance, settling unknown holds) included.
   */
  static Gen<List<Step>> histories() {
    Gen<Integer> payment = integers().between(0, 11);
    Gen<Long> amount = longs().between(1, 5_000_000);
    Gen<Step> step =
        frequency(
            List.of(
                Pair.of(6, payment.zip(amount, Pay::new)),
                Pair.of(3, integers().between(0, 80).map(Again::new)),
                Pair.of(1, payment.map(SecondSuccess::new)),
                Pair.of(1, payment.map(Pending::new)),
                Pair.of(3, payment.zip(amount, Refund::new)),
                Pair.of(1, payment.map(Cancel::new)),
                Pair.of(2, payment.zip(amount, Amend::new)),
                Pair.of(1, payment.zip(amount, Supplement::new)),
                Pair.of(1, constant(new Garbage())),
                Pair.of(3, payment.zip(amount, Hold::new)),
                Pair.of(3, integers().between(0, 40).zip(booleans(), Settle::new))));
    return lists().of(step).ofSizeBetween(1, 80);
  }

  /**
   * Seeds of the {@link Random} that picks ids, reorderings and batch sizes: a seed, unlike a
   * Random, prints in the counter-example and replays it.
   */
  static Gen<Long> seeds() {
    return longs().all();
  }

  @Test
  void booksStayBalancedAndNonNegativeAndReplayChangesNothing() {
    int tries = 300;
    Map<String, Integer> triesBooking = new HashMap<>();
    qt().withExamples(tries)
        .forAll(histories(), seeds())
        .checkAssert(
            (history, seed) -> {
              Random random = new Random(seed);
              List<Object> records = records(history, random);
              Books books = new Books();

              List<BookedEntry> entries = books.apply(records, random);

              assertEveryBalanceIsTheSumOfItsPostings(books, entries);
              assertAccountsSumToZeroPerCurrency(books);
              assertNoAccountWithoutOverdraftWentNegative(books, entries);
              assertCashflowChainsWithoutGaps(entries);
              // Replaying every consumed message (holds come over HTTP, not from the topics).
              Map<AccountId, AccountState> before = new HashMap<>(books.accounts);
              List<Object> messages =
                  records.stream().filter(InboundRecord.class::isInstance).toList();
              assertThat(books.apply(messages, random)).as("replay").isEmpty();
              assertThat(books.accounts).isEqualTo(before);

              entries.stream()
                  .map(e -> e.type().name())
                  .distinct()
                  .forEach(type -> triesBooking.merge(type, 1, Integer::sum));
            });

    // The histories must really exercise every rule, not pass by refusing everything: each kind
    // of entry is booked in at least 3% of the tries (shrinking runs extra tries only on failure).
    for (String type :
        List.of("PAYMENT", "REFUND", "REVERSAL", "AMENDMENT", "SUPPLEMENT", "SETTLEMENT")) {
      assertThat(triesBooking.getOrDefault(type, 0))
          .as(type)
          .isGreaterThanOrEqualTo(tries * 3 / 100);
    }
  }

  @Test
  void aPaymentIsBookedAtMostOnceWhateverArrivesTwice() {
    qt().withExamples(100)
        .forAll(histories(), seeds())
        .checkAssert(
            (history, seed) -> {
              Random random = new Random(seed);
              List<Object> records = records(history, random);
              Books books = new Books();

              List<BookedEntry> entries = books.apply(records, random);

              Map<String, Long> bookings = new HashMap<>();
              entries.stream()
                  .filter(
                      e ->
                          e.type().name().equals("PAYMENT") || e.type().name().equals("SUPPLEMENT"))
                  .forEach(e -> bookings.merge(e.draft().paymentId().value(), 1L, Long::sum));
              assertThat(bookings.values()).allMatch(n -> n == 1);
              assertThat(entries.stream().map(BookedEntry::sourceEventId).distinct().count())
                  .isEqualTo(entries.size());
            });
  }

  private static void assertEveryBalanceIsTheSumOfItsPostings(
      Books books, List<BookedEntry> entries) {
    Map<AccountId, Long> sums = new HashMap<>();
    for (BookedEntry entry : entries) {
      for (BookedPosting p : entry.postings()) {
        sums.merge(
            p.accountId(), p.account().type().balanceDelta(p.side(), p.amountMinor()), Long::sum);
      }
    }
    books.accounts.forEach(
        (id, state) -> assertThat(state.bookedMinor()).isEqualTo(sums.getOrDefault(id, 0L)));
  }

  private static void assertAccountsSumToZeroPerCurrency(Books books) {
    Map<String, BigInteger> perCurrency = new HashMap<>();
    for (AccountState state : books.accounts.values()) {
      AccountType type = state.spec().type();
      perCurrency.merge(
          state.spec().currencyCode(),
          BigInteger.valueOf(type.debitPositive(state.bookedMinor())),
          BigInteger::add);
    }
    assertThat(perCurrency.values()).allMatch(sum -> sum.signum() == 0);
  }

  private static void assertNoAccountWithoutOverdraftWentNegative(
      Books books, List<BookedEntry> entries) {
    for (BookedEntry entry : entries) {
      for (BookedPosting p : entry.postings()) {
        if (!p.account().overdraftAllowed()) {
          assertThat(p.balanceAfterMinor()).as(p.account().code()).isNotNegative();
        }
      }
    }
    books.accounts.values().stream()
        .filter(s -> !s.spec().overdraftAllowed())
        .forEach(s -> assertThat(s.availableMinor()).isNotNegative());
  }

  private static void assertCashflowChainsWithoutGaps(List<BookedEntry> entries) {
    Map<AccountId, long[]> last = new HashMap<>();
    for (BookedEntry entry : entries) {
      for (BookedPosting p : entry.postings()) {
        long[] previous = last.getOrDefault(p.accountId(), new long[] {0, 0});
        assertThat(p.accountSequence()).isEqualTo(previous[0] + 1);
        assertThat(p.balanceAfterMinor())
            .isEqualTo(previous[1] + p.account().type().balanceDelta(p.side(), p.amountMinor()));
        last.put(p.accountId(), new long[] {p.accountSequence(), p.balanceAfterMinor()});
      }
    }
  }

  /**
   * The persistent state between batches, as the database keeps it: processed ids, positions and
   * account balances. Batches are applied exactly as BookingService applies them.
   */
  private final class Books {
    final Set<UUID> processed = new HashSet<>();
    final Map<String, PaymentPosition> positions = new HashMap<>();
    final Map<AccountId, AccountState> accounts = new HashMap<>();

    final Map<UUID, HoldOp.Place> holds = new HashMap<>();
    final Set<UUID> settled = new HashSet<>();

    /** Records go in random batches; a hold operation ends the batch and applies on its own. */
    List<BookedEntry> apply(List<Object> events, Random random) {
      List<BookedEntry> entries = new ArrayList<>();
      List<InboundRecord> batch = new ArrayList<>();
      int size = 1 + random.nextInt(12);
      for (Object event : events) {
        if (event instanceof InboundRecord record) {
          batch.add(record);
          if (batch.size() < size) {
            continue;
          }
        }
        if (!batch.isEmpty()) {
          entries.addAll(applyBatch(List.copyOf(batch)));
          batch.clear();
          size = 1 + random.nextInt(12);
        }
        if (event instanceof HoldOp op) {
          entries.addAll(applyHold(op));
        }
      }
      if (!batch.isEmpty()) {
        entries.addAll(applyBatch(batch));
      }
      return entries;
    }

    /** What HoldService does, on the same in-memory books. */
    private List<BookedEntry> applyHold(HoldOp op) {
      if (op instanceof HoldOp.Place place) {
        AccountState state = accounts.get(place.account().id());
        if (holds.containsKey(place.id()) || state == null) {
          return List.of();
        }
        com.paystream.ledger.journal.Books books =
            new com.paystream.ledger.journal.Books(List.of(state));
        if (books
            .freeze(place.account(), new Money(place.amountMinor(), place.account().currency()))
            .isEmpty()) {
          books.changedAccounts().forEach(a -> accounts.put(a.spec().id(), a));
          holds.put(place.id(), place);
        }
        return List.of();
      }
      HoldOp.Settle settle = (HoldOp.Settle) op;
      HoldOp.Place hold = holds.get(settle.id());
      if (hold == null || settled.contains(settle.id())) {
        return List.of();
      }
      AccountSpec counter =
          com.paystream.ledger.accounts.ChartOfAccounts.providerClearing(
              "psp", hold.account().currency());
      AccountState counterState =
          accounts.computeIfAbsent(counter.id(), id -> AccountState.opened(counter));
      com.paystream.ledger.journal.Books books =
          new com.paystream.ledger.journal.Books(
              List.of(accounts.get(hold.account().id()), counterState));
      books.unfreeze(hold.account(), new Money(hold.amountMinor(), hold.account().currency()));
      List<BookedEntry> booked = new ArrayList<>();
      if (settle.capture()) {
        com.paystream.ledger.journal.Books.Result result =
            books.post(
                new com.paystream.ledger.journal.EntryDraft(
                    UUID.randomUUID(),
                    com.paystream.ledger.journal.EntryType.SETTLEMENT,
                    null,
                    "capture",
                    null,
                    "op",
                    null,
                    "payout",
                    List.of(
                        com.paystream.ledger.journal.PostingDraft.debit(
                            hold.account(), hold.amountMinor()),
                        com.paystream.ledger.journal.PostingDraft.credit(
                            counter, hold.amountMinor()))),
                settle.id(),
                com.paystream.ledger.journal.SourceType.OPERATOR,
                DAY,
                AT);
        if (!(result instanceof com.paystream.ledger.journal.Books.Booked ok)) {
          return List.of();
        }
        booked.add(ok.entry());
      }
      books.changedAccounts().forEach(a -> accounts.put(a.spec().id(), a));
      settled.add(settle.id());
      return booked;
    }

    private List<BookedEntry> applyBatch(List<InboundRecord> batch) {
      Map<String, PaymentPosition> batchPositions = new HashMap<>();
      planner
          .paymentIds(batch)
          .forEach(
              id -> {
                if (positions.containsKey(id)) {
                  batchPositions.put(id, positions.get(id));
                }
              });
      List<AccountState> batchAccounts = new ArrayList<>();
      for (AccountSpec spec : planner.accountDemand(batch, batchPositions)) {
        batchAccounts.add(accounts.computeIfAbsent(spec.id(), id -> AccountState.opened(spec)));
      }
      BatchPlan plan =
          planner.plan(batch, new BatchInput(processed, batchPositions, batchAccounts, AT, DAY));
      plan.firstTime().forEach(a -> processed.add(a.record().sourceEventId()));
      plan.changedAccounts().forEach(a -> accounts.put(a.spec().id(), a));
      plan.changedPositions().forEach(p -> positions.put(p.paymentId().value(), p));
      return plan.entries();
    }
  }

  // -- turning steps into records --------------------------------------------------------------

  /** Operations on holds, which reach the ledger over HTTP rather than Kafka. */
  sealed interface HoldOp {
    record Place(UUID id, AccountSpec account, long amountMinor) implements HoldOp {}

    record Settle(UUID id, boolean capture) implements HoldOp {}
  }

  static List<Object> records(List<Step> history, Random random) {
    List<Object> events = new ArrayList<>();
    List<InboundRecord> records = new ArrayList<>();
    List<UUID> holdIds = new ArrayList<>();
    long offset = 0;
    for (Step step : history) {
      if (step instanceof Hold hold) {
        UUID id = UUID.randomUUID();
        holdIds.add(id);
        events.add(
            new HoldOp.Place(
                id,
                com.paystream.ledger.accounts.ChartOfAccounts.merchant(
                    merchant(hold.payment()), Money.currency(currency(hold.payment()))),
                hold.amountMinor() % 20_000 + 1));
        continue;
      }
      if (step instanceof Settle settle) {
        if (!holdIds.isEmpty()) {
          events.add(
              new HoldOp.Settle(holdIds.get(settle.hold() % holdIds.size()), settle.capture()));
        }
        continue;
      }
      InboundRecord record;
      if (step instanceof Again again && !records.isEmpty()) {
        record = records.get(again.step() % records.size());
      } else if (step instanceof Garbage || step instanceof Again) {
        record =
            new InboundRecord.Unreadable(
                source(offset), new Refusal("CORRUPT_AVRO", "garbage"), null, null);
      } else {
        record = new InboundRecord.Readable(source(offset), message(step));
      }
      offset++;
      records.add(record);
      events.add(record);
    }
    // Reorder some neighbours, as two topics (callbacks, commands) interleave in any order.
    for (int i = 1; i < events.size(); i++) {
      if (random.nextInt(4) == 0) {
        Collections.swap(events, i - 1, i);
      }
    }
    return events;
  }

  private static SourceRef source(long offset) {
    return new SourceRef("t", 0, offset, null, new byte[] {(byte) offset});
  }

  private static PaymentMessage message(Step step) {
    MessageMeta meta = new MessageMeta(AT, "");
    if (step instanceof Pay pay) {
      return callback(pay.payment(), ReportedStatus.SUCCEEDED, pay.amountMinor(), meta);
    }
    if (step instanceof SecondSuccess second) {
      return callback(second.payment(), ReportedStatus.SUCCEEDED, 777, meta);
    }
    if (step instanceof Pending pending) {
      return callback(pending.payment(), ReportedStatus.PENDING, 0, meta);
    }
    int payment;
    CommandReceived.Body body;
    if (step instanceof Refund refund) {
      payment = refund.payment();
      body = new CommandReceived.Refund("r", refund.amountMinor(), currency(payment));
    } else if (step instanceof Cancel cancel) {
      payment = cancel.payment();
      body = new CommandReceived.Cancellation(ReportedStatus.CANCELLED);
    } else if (step instanceof Amend amend) {
      payment = amend.payment();
      body =
          new CommandReceived.Amendment(
              amend.amountMinor(), currency(payment), ReportedStatus.SUCCEEDED);
    } else {
      Supplement supplement = (Supplement) step;
      payment = supplement.payment();
      body = new CommandReceived.Supplement(supplement.amountMinor(), currency(payment), "stmt");
    }
    return new CommandReceived(
        UUID.randomUUID(),
        "pay-" + payment,
        merchant(payment),
        "psp",
        "op",
        null,
        "why",
        body,
        meta);
  }

  private static CallbackReceived callback(
      int payment, ReportedStatus status, long amountMinor, MessageMeta meta) {
    return new CallbackReceived(
        UUID.randomUUID(),
        "pay-" + payment,
        merchant(payment),
        "psp",
        status,
        amountMinor,
        currency(payment),
        meta);
  }

  private static String merchant(int payment) {
    return MERCHANTS[payment % MERCHANTS.length];
  }

  private static String currency(int payment) {
    return CURRENCIES[(payment / MERCHANTS.length) % CURRENCIES.length];
  }
}
