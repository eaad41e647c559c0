package com.paystream.recon.matching.clearing;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The clearing invariant of one currency, kept as its figures move:
 *
 * <pre>
 *   balance (the ledger's provider-clearing accounts in the currency, summed)
 *     = unpaid   (booked clearing of payments minus the payout lines naming them: leg B)
 *     + awaiting (payment and refund lines of payouts reported, not yet settled: leg A)
 * </pre>
 *
 * Once all of a day's payouts have settled, awaiting is 0 and clearing equals the payments not yet
 * paid out. The difference is non-zero for a moment between reconciliation's settlement of a payout
 * and the ledger's booking of it coming back; a difference that stays means money on clearing that
 * the two legs cannot explain (see the runbook of {@code ProviderClearingDiffers}).
 *
 * <p>Not thread-safe; one instance is owned by one stream task at a time.
 */
public final class ClearingCheck {

  /** The ledger's last known balance of one account, at its posting number {@code sequence}. */
  public record AccountBalance(long sequence, long minor) {}

  private final String currency;
  private final TreeMap<String, AccountBalance> accounts;
  private long unpaid;
  private long awaiting;
  // Wall-clock time the difference became non-zero; 0 while it is zero.
  private long differingSinceMs;

  public ClearingCheck(String currency) {
    this(currency, Map.of(), 0, 0, 0);
  }

  ClearingCheck(
      String currency,
      Map<String, AccountBalance> accounts,
      long unpaid,
      long awaiting,
      long differingSinceMs) {
    this.currency = Objects.requireNonNull(currency, "currency");
    this.accounts = new TreeMap<>(accounts);
    this.unpaid = unpaid;
    this.awaiting = awaiting;
    this.differingSinceMs = differingSinceMs;
  }

  /**
   * Applies {@code move} at wall-clock time {@code nowMs}; false when it changed nothing (a balance
   * at a sequence no later than the one known).
   */
  public boolean apply(ClearingMove move, long nowMs) {
    if (!move.currency().equals(currency)) {
      throw new IllegalArgumentException(
          "move in " + move.currency() + " given to the check of " + currency);
    }
    switch (move.kind()) {
      case BALANCE -> {
        AccountBalance known = accounts.get(move.accountId());
        if (known != null && known.sequence() >= move.sequence()) {
          return false;
        }
        accounts.put(move.accountId(), new AccountBalance(move.sequence(), move.minor()));
      }
      case UNPAID -> unpaid = Math.addExact(unpaid, move.minor());
      case AWAITING -> awaiting = Math.addExact(awaiting, move.minor());
    }
    if (difference() == 0) {
      differingSinceMs = 0;
    } else if (differingSinceMs == 0) {
      differingSinceMs = Math.max(nowMs, 1);
    }
    return true;
  }

  public String currency() {
    return currency;
  }

  /** The ledger's provider-clearing balance in the currency, all providers together. */
  public long balance() {
    long sum = 0;
    for (AccountBalance account : accounts.values()) {
      sum = Math.addExact(sum, account.minor());
    }
    return sum;
  }

  public long unpaid() {
    return unpaid;
  }

  public long awaiting() {
    return awaiting;
  }

  /** {@code balance - unpaid - awaiting}: 0 when the invariant holds. */
  public long difference() {
    return Math.subtractExact(Math.subtractExact(balance(), unpaid), awaiting);
  }

  /** How long the difference has been non-zero at {@code nowMs}, in whole seconds; 0 when none. */
  public long differingSeconds(long nowMs) {
    return differingSinceMs == 0 ? 0 : Math.max(0, (nowMs - differingSinceMs) / 1000);
  }

  Map<String, AccountBalance> accounts() {
    return accounts;
  }

  long differingSinceMs() {
    return differingSinceMs;
  }

  @Override
  public String toString() {
    return "ClearingCheck["
        + currency
        + ", balance="
        + balance()
        + ", unpaid="
        + unpaid
        + ", awaiting="
        + awaiting
        + "]";
  }
}
