package com.paystream.recon.matching.clearing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One change to a currency's {@link ClearingCheck}, keyed by its currency on the way there.
 *
 * <ul>
 *   <li>{@link Kind#BALANCE}: the ledger's balance of one provider-clearing account after the
 *       posting at {@code sequence} (an absolute figure: a re-delivered or out-of-order line is
 *       recognised by its sequence);
 *   <li>{@link Kind#UNPAID}: a change of leg B's figure, booked clearing of payments minus the
 *       payout lines naming them;
 *   <li>{@link Kind#AWAITING}: a change of leg A's figure, the payment and refund lines of payouts
 *       reported and not yet settled on the bank.
 * </ul>
 *
 * <p>UNPAID and AWAITING moves are differences a unit's share went through in the same transaction
 * as the unit itself (exactly once, so they add up).
 */
public record ClearingMove(
    Kind kind, String currency, String accountId, long sequence, long minor) {

  /** Which figure a move changes. */
  public enum Kind {
    BALANCE,
    UNPAID,
    AWAITING
  }

  public ClearingMove {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(currency, "currency");
    accountId = accountId == null ? "" : accountId;
    if (kind == Kind.BALANCE && accountId.isEmpty()) {
      throw new IllegalArgumentException("a balance move names its account");
    }
  }

  /** The ledger's balance of {@code accountId} after its posting number {@code sequence}. */
  public static ClearingMove balance(
      String currency, String accountId, long sequence, long balanceAfterMinor) {
    return new ClearingMove(Kind.BALANCE, currency, accountId, sequence, balanceAfterMinor);
  }

  /**
   * The moves that take a unit's shares (minor units per currency) from {@code before} to {@code
   * after}, one per currency whose share changed, in currency order.
   */
  public static List<ClearingMove> between(
      Kind kind, Map<String, Long> before, Map<String, Long> after) {
    if (kind == Kind.BALANCE) {
      throw new IllegalArgumentException("balances are absolute, not moved");
    }
    if (before.equals(after)) {
      return List.of();
    }
    TreeSet<String> currencies = new TreeSet<>(before.keySet());
    currencies.addAll(after.keySet());
    List<ClearingMove> moves = new ArrayList<>(currencies.size());
    for (String currency : currencies) {
      long delta =
          Math.subtractExact(after.getOrDefault(currency, 0L), before.getOrDefault(currency, 0L));
      if (delta != 0) {
        moves.add(new ClearingMove(kind, currency, "", 0, delta));
      }
    }
    return moves;
  }
}
