package com.paystream.ledger.journal;

import com.paystream.ledger.accounts.AccountSpec;
import java.time.Instant;
import java.util.Objects;

/**
 * An account's balances at a point in a batch. {@code availableMinor + frozenMinor} is the booked
 * balance that postings carry; holds move money between the two without a posting.
 */
public record AccountState(
    AccountSpec spec,
    long availableMinor,
    long frozenMinor,
    long lastSequence,
    Instant lastPostedAt,
    boolean blocked) {

  public AccountState {
    Objects.requireNonNull(spec, "spec");
  }

  public static AccountState opened(AccountSpec spec) {
    return new AccountState(spec, 0, 0, 0, null, false);
  }

  public long bookedMinor() {
    return Math.addExact(availableMinor, frozenMinor);
  }

  AccountState posted(long newAvailableMinor, Instant at) {
    return new AccountState(spec, newAvailableMinor, frozenMinor, lastSequence + 1, at, blocked);
  }

  AccountState withFunds(long newAvailableMinor, long newFrozenMinor) {
    return new AccountState(
        spec, newAvailableMinor, newFrozenMinor, lastSequence, lastPostedAt, blocked);
  }
}
