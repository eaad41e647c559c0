package com.paystream.ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BooksTest {

  private static final Currency EUR = Money.currency("EUR");
  private static final AccountSpec CLEARING = ChartOfAccounts.providerClearing("psp", EUR);
  private static final AccountSpec MERCHANT = ChartOfAccounts.merchant("m-1", EUR);
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2026-03-01");

  private static final AccountSpec SUSPENSE = ChartOfAccounts.suspense(EUR);

  private final Books books =
      new Books(
          List.of(
              AccountState.opened(CLEARING),
              AccountState.opened(MERCHANT),
              AccountState.opened(SUSPENSE)));

  @Test
  void givesEveryPostingItsExactBalanceAfterAndSequence() {
    BookedEntry first =
        booked(entry(PostingDraft.debit(CLEARING, 100), PostingDraft.credit(MERCHANT, 100)));
    BookedEntry second =
        booked(entry(PostingDraft.debit(CLEARING, 30), PostingDraft.credit(MERCHANT, 30)));

    assertThat(first.postings())
        .extracting(BookedPosting::balanceAfterMinor, BookedPosting::accountSequence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(100L, 1L),
            org.assertj.core.groups.Tuple.tuple(100L, 1L));
    assertThat(second.postings())
        .extracting(BookedPosting::balanceAfterMinor, BookedPosting::accountSequence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(130L, 2L),
            org.assertj.core.groups.Tuple.tuple(130L, 2L));
    assertThat(books.changedAccounts())
        .extracting(AccountState::availableMinor)
        .containsExactly(130L, 130L);
  }

  @Test
  void refusesAnEntryThatWouldOverdrawAMerchantAndAppliesNoneOfIt() {
    booked(entry(PostingDraft.debit(CLEARING, 100), PostingDraft.credit(MERCHANT, 100)));

    // Paying back 150 to the provider from a merchant holding 100.
    Books.Result result =
        books.post(
            entry(PostingDraft.credit(CLEARING, 150), PostingDraft.debit(MERCHANT, 150)),
            UUID.randomUUID(),
            SourceType.COMMAND,
            DAY,
            AT);

    assertThat(result).isInstanceOf(Books.Refused.class);
    assertThat(((Books.Refused) result).refusal().code()).isEqualTo(Refusal.INSUFFICIENT_FUNDS);
    assertThat(books.account(CLEARING).orElseThrow().availableMinor()).isEqualTo(100);
    assertThat(books.account(CLEARING).orElseThrow().lastSequence()).isEqualTo(1);
    assertThat(books.account(MERCHANT).orElseThrow().availableMinor()).isEqualTo(100);
  }

  @Test
  void letsAnAccountWithOverdraftGoNegative() {
    BookedEntry entry =
        booked(entry(PostingDraft.credit(CLEARING, 50), PostingDraft.debit(SUSPENSE, 50)));

    assertThat(entry.postings().get(0).balanceAfterMinor()).isEqualTo(-50);
  }

  @Test
  void refusesAnUnbalancedDraft() {
    Books.Result result =
        books.post(
            entry(PostingDraft.debit(CLEARING, 100), PostingDraft.credit(MERCHANT, 90)),
            UUID.randomUUID(),
            SourceType.CALLBACK,
            DAY,
            AT);

    assertThat(((Books.Refused) result).refusal().code()).isEqualTo(Refusal.UNBALANCED);
    assertThat(books.changedAccounts()).isEmpty();
  }

  private BookedEntry booked(EntryDraft draft) {
    Books.Result result = books.post(draft, UUID.randomUUID(), SourceType.CALLBACK, DAY, AT);
    assertThat(result).isInstanceOf(Books.Booked.class);
    return ((Books.Booked) result).entry();
  }

  private EntryDraft entry(PostingDraft... postings) {
    List<PostingDraft> lines = List.of(postings);
    return new EntryDraft(
        UUID.randomUUID(),
        EntryType.PAYMENT,
        new PaymentId("pay-1"),
        "test",
        null,
        null,
        null,
        null,
        lines);
  }
}
