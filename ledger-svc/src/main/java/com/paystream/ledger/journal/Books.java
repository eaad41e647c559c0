package com.paystream.ledger.journal;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.platform.ids.AccountId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The balances of the accounts a batch touches, held in memory while the batch is planned. Entries
 * are applied in order, so every posting gets its exact balance after and sequence number even
 * though each account row is written once per batch (hot accounts are not locked per entry). An
 * entry that would take an account without overdraft below zero is refused whole: none of its
 * postings is applied.
 */
public final class Books {

  private final Map<AccountId, AccountState> accounts;
  private final Map<AccountId, AccountState> changed = new LinkedHashMap<>();

  public Books(Collection<AccountState> loaded) {
    this.accounts = new HashMap<>();
    loaded.forEach(state -> accounts.put(state.spec().id(), state));
  }

  /** Books the entry, or says why not; on refusal no balance changed. */
  public Result post(
      EntryDraft draft,
      UUID sourceEventId,
      SourceType sourceType,
      LocalDate effectiveDate,
      Instant bookedAt) {
    Optional<Refusal> invalid = draft.violation();
    if (invalid.isPresent()) {
      return new Refused(invalid.get());
    }
    Map<AccountId, AccountState> tentative = new HashMap<>();
    List<BookedPosting> booked = new ArrayList<>(draft.postings().size());
    int lineNo = 0;
    for (PostingDraft posting : draft.postings()) {
      AccountState before = tentative.getOrDefault(posting.account().id(), current(posting));
      Optional<Refusal> refusal = refusalFor(before, posting);
      if (refusal.isPresent()) {
        return new Refused(refusal.get());
      }
      long delta = before.spec().type().balanceDelta(posting.side(), posting.amountMinor());
      AccountState after = before.posted(before.availableMinor() + delta, bookedAt);
      tentative.put(after.spec().id(), after);
      booked.add(
          new BookedPosting(
              ++lineNo,
              after.spec(),
              posting.side(),
              posting.amountMinor(),
              after.bookedMinor(),
              after.lastSequence()));
    }
    tentative.values().forEach(this::keep);
    return new Booked(
        new BookedEntry(draft, sourceEventId, sourceType, effectiveDate, bookedAt, booked));
  }

  private Optional<Refusal> refusalFor(AccountState before, PostingDraft posting) {
    if (before.blocked()) {
      return Optional.of(
          new Refusal(Refusal.ACCOUNT_BLOCKED, "account " + before.spec().code() + " is blocked"));
    }
    long delta;
    long after;
    try {
      delta = before.spec().type().balanceDelta(posting.side(), posting.amountMinor());
      after = Math.addExact(Math.addExact(before.availableMinor(), delta), before.frozenMinor());
    } catch (ArithmeticException e) {
      return Optional.of(
          new Refusal(
              Refusal.AMOUNT_OUT_OF_RANGE,
              "balance of " + before.spec().code() + " would overflow a 64-bit amount"));
    }
    long available = after - before.frozenMinor();
    if (!before.spec().overdraftAllowed() && available < 0) {
      return Optional.of(
          new Refusal(
              Refusal.INSUFFICIENT_FUNDS,
              "account "
                  + before.spec().code()
                  + " has "
                  + before.availableMinor()
                  + " available; "
                  + posting.side()
                  + " "
                  + posting.amountMinor()
                  + " would take it to "
                  + available));
    }
    return Optional.empty();
  }

  private AccountState current(PostingDraft posting) {
    AccountState state = accounts.get(posting.account().id());
    if (state == null) {
      // The caller loads (and locks) every account a batch may touch before planning it.
      throw new IllegalStateException("account not loaded: " + posting.account().code());
    }
    return state;
  }

  private void keep(AccountState state) {
    accounts.put(state.spec().id(), state);
    changed.put(state.spec().id(), state);
  }

  /**
   * Moves {@code amount} of the account's available balance to frozen (a hold), or says why not: a
   * hold reserves money the account has, whatever its overdraft.
   */
  public Optional<Refusal> freeze(AccountSpec spec, Money amount) {
    AccountState state = loaded(spec);
    long amountMinor = inCurrencyOf(spec, amount);
    if (amountMinor <= 0) {
      return Optional.of(new Refusal(Refusal.INVALID_AMOUNT, "a hold must be positive"));
    }
    if (state.availableMinor() < amountMinor) {
      return Optional.of(
          new Refusal(
              Refusal.INSUFFICIENT_FUNDS,
              "account "
                  + spec.code()
                  + " has "
                  + state.availableMinor()
                  + " available, cannot hold "
                  + amountMinor));
    }
    keep(
        state.withFunds(
            state.availableMinor() - amountMinor, Math.addExact(state.frozenMinor(), amountMinor)));
    return Optional.empty();
  }

  /** Gives {@code amount} of frozen money back to available (a hold released or captured). */
  public void unfreeze(AccountSpec spec, Money amount) {
    AccountState state = loaded(spec);
    long amountMinor = inCurrencyOf(spec, amount);
    if (state.frozenMinor() < amountMinor) {
      // Holds are the only source of frozen money: less frozen than a hold means broken books.
      throw new IllegalStateException(
          "account " + spec.code() + " has " + state.frozenMinor() + " frozen, not " + amountMinor);
    }
    keep(state.withFunds(state.availableMinor() + amountMinor, state.frozenMinor() - amountMinor));
  }

  /** The amount in minor units of the account's currency; another currency is a bug. */
  private static long inCurrencyOf(AccountSpec spec, Money amount) {
    if (!amount.currency().equals(spec.currency())) {
      throw new IllegalArgumentException(
          "amount " + amount + " on account " + spec.code() + " in " + spec.currencyCode());
    }
    return amount.minor();
  }

  private AccountState loaded(AccountSpec spec) {
    AccountState state = accounts.get(spec.id());
    if (state == null) {
      throw new IllegalStateException("account not loaded: " + spec.code());
    }
    return state;
  }

  public Optional<AccountState> account(AccountSpec spec) {
    return Optional.ofNullable(accounts.get(spec.id()));
  }

  /** Accounts whose balances changed, in their final state, to be written once each. */
  public Collection<AccountState> changedAccounts() {
    return List.copyOf(changed.values());
  }

  /** The result of posting an entry. */
  public sealed interface Result permits Booked, Refused {}

  /** The entry was applied. */
  public record Booked(BookedEntry entry) implements Result {}

  /** The entry was not applied, for the reason given. */
  public record Refused(Refusal refusal) implements Result {}
}
