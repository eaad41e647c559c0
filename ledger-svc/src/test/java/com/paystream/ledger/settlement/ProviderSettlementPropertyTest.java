package com.paystream.ledger.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.ledger.accounts.Side;
import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.journal.Books;
import com.paystream.ledger.journal.EntryDraft;
import com.paystream.ledger.journal.EntryType;
import com.paystream.ledger.journal.PostingDraft;
import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.journal.SourceType;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Over random payouts (QuickTheories generates and shrinks them), with every kind of difference and
 * invalid ones among them: an entry the rule proposes always balances, has no zero line and posts
 * each account once; booked after the payout's payments and refunds, it takes their provider
 * clearing back to exactly zero and keeps the trial balance at zero; and a payout whose figures do
 * not add up is refused, never booked.
 */
class ProviderSettlementPropertyTest {

  private static final Currency EUR = Money.currency("EUR");
  private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 12, 5);
  private static final AccountSpec CLEARING = ChartOfAccounts.providerClearing("sim", EUR);
  // The other side of the payments and refunds (the merchant and our fee, in the real books).
  private static final AccountSpec COUNTER = ChartOfAccounts.feeRevenue(EUR);

  /** payments, refunds, fees, chargebacks: sums of lines, never negative. */
  private static final Gen<long[]> REPORT =
      longs()
          .between(0, 1_000_000_000L)
          .zip(
              longs().between(0, 1_000_000_000L),
              longs().between(0, 10_000_000L),
              longs().between(0, 10_000_000L),
              (p, r, f, c) -> new long[] {p, r, f, c});

  /** tolerated and unexplained differences, often zero. */
  private static final Gen<long[]> DIFFERENCES =
      longs()
          .between(-1_000, 1_000)
          .mix(longs().between(0, 0), 50)
          .zip(
              longs().between(-10_000_000L, 10_000_000L).mix(longs().between(0, 0), 50),
              (t, u) -> new long[] {t, u});

  private static ProviderPayout payout(long bank, long[] report, long[] differences) {
    return new ProviderPayout(
        "po_sim_EUR_20261204",
        "sim",
        "EUR",
        DAY.minusDays(1),
        DAY,
        bank,
        report[0],
        report[1],
        report[2],
        report[3],
        differences[0],
        differences[1],
        7,
        "bank-1",
        "line-1",
        differences[1] == 0 ? null : "brk-1");
  }

  private static long net(long[] report, long[] differences) {
    return report[0] - report[1] - report[2] - report[3] + differences[0] + differences[1];
  }

  @Test
  void aConsistentPayoutAlwaysBalancesWithoutZeroLinesAndEachAccountOnce() {
    qt().forAll(REPORT, DIFFERENCES)
        .checkAssert(
            (report, differences) -> {
              ProviderSettlementRules.Decision decision =
                  ProviderSettlementRules.decide(
                      payout(net(report, differences), report, differences));
              if (decision instanceof ProviderSettlementRules.Decision.NoMovement) {
                assertThat(report[0] - report[1]).isZero();
                return;
              }
              assertThat(decision).isInstanceOf(ProviderSettlementRules.Decision.Book.class);
              EntryDraft entry = ((ProviderSettlementRules.Decision.Book) decision).entry();
              assertThat(entry.violation()).isEmpty();
              assertThat(entry.postings())
                  .allSatisfy(p -> assertThat(p.amountMinor()).isPositive());
              assertThat(entry.postings().stream().map(p -> p.account().code()).distinct())
                  .hasSize(entry.postings().size());
              assertThat(signed(entry)).isZero();
            });
  }

  @Test
  void providerClearingOfThePayoutsPaymentsReturnsToZero() {
    qt().forAll(REPORT, DIFFERENCES)
        .checkAssert(
            (report, differences) -> {
              Books books = openBooks();
              post(books, move(COUNTER, CLEARING, report[0]));
              post(books, move(CLEARING, COUNTER, report[1]));
              ProviderSettlementRules.Decision decision =
                  ProviderSettlementRules.decide(
                      payout(net(report, differences), report, differences));
              if (decision instanceof ProviderSettlementRules.Decision.Book book) {
                post(books, book.entry());
              }
              assertThat(books.account(CLEARING).orElseThrow().bookedMinor()).isZero();
              long trialBalance = 0;
              for (AccountState account : books.changedAccounts()) {
                trialBalance += account.spec().type().debitPositive(account.bookedMinor());
              }
              assertThat(trialBalance).isZero();
            });
  }

  @Test
  void aPayoutWhoseFiguresDoNotAddUpIsRefusedNeverBooked() {
    qt().forAll(REPORT, DIFFERENCES, longs().between(-1_000_000L, 1_000_000L))
        .assuming((report, differences, delta) -> delta != 0)
        .checkAssert(
            (report, differences, delta) -> {
              ProviderSettlementRules.Decision decision =
                  ProviderSettlementRules.decide(
                      payout(net(report, differences) + delta, report, differences));
              assertThat(decision).isInstanceOf(ProviderSettlementRules.Decision.Refuse.class);
              assertThat(((ProviderSettlementRules.Decision.Refuse) decision).refusal().code())
                  .isEqualTo(Refusal.UNBALANCED);
            });
  }

  @Test
  void anyPayoutIsEitherRefusedOrBookedBalancedAndConsistent() {
    Gen<Long> any = longs().between(-2_000_000L, 2_000_000L);
    qt().forAll(any.zip(any, any, any, (b, p, r, f) -> new long[] {b, p, r, f}), any, any, any)
        .checkAssert(
            (bprf, c, t, u) -> {
              long[] report = {bprf[1], bprf[2], bprf[3], c};
              long[] differences = {t, u};
              ProviderSettlementRules.Decision decision =
                  ProviderSettlementRules.decide(payout(bprf[0], report, differences));
              if (decision instanceof ProviderSettlementRules.Decision.Book book) {
                assertThat(book.entry().violation()).isEmpty();
                assertThat(bprf[0]).isEqualTo(net(report, differences));
                assertThat(java.util.Arrays.stream(report).min().orElseThrow()).isNotNegative();
              } else if (decision instanceof ProviderSettlementRules.Decision.Refuse refuse) {
                assertThat(refuse.refusal().code())
                    .isIn(Refusal.UNBALANCED, Refusal.INVALID_AMOUNT);
              }
            });
  }

  private static long signed(EntryDraft entry) {
    long sum = 0;
    for (PostingDraft posting : entry.postings()) {
      sum += posting.side() == Side.DEBIT ? posting.amountMinor() : -posting.amountMinor();
    }
    return sum;
  }

  private static Books openBooks() {
    List<AccountState> opened = new ArrayList<>();
    for (AccountSpec spec :
        List.of(
            ChartOfAccounts.bankCash(EUR),
            ChartOfAccounts.providerFees("sim", EUR),
            ChartOfAccounts.suspense(EUR),
            CLEARING,
            COUNTER)) {
      opened.add(AccountState.opened(spec));
    }
    return new Books(opened);
  }

  /** An entry moving {@code amount} from {@code from} (credited) to {@code to} (debited). */
  private static EntryDraft move(AccountSpec from, AccountSpec to, long amount) {
    if (amount == 0) {
      return null;
    }
    return new EntryDraft(
        UUID.randomUUID(),
        EntryType.PAYMENT,
        null,
        "movement",
        null,
        null,
        null,
        null,
        List.of(PostingDraft.debit(to, amount), PostingDraft.credit(from, amount)));
  }

  private static void post(Books books, EntryDraft entry) {
    if (entry == null) {
      return;
    }
    Books.Result result = books.post(entry, UUID.randomUUID(), SourceType.STATEMENT, DAY, AT);
    assertThat(result).isInstanceOf(Books.Booked.class);
  }
}
