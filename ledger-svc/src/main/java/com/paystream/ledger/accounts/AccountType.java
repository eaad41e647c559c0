package com.paystream.ledger.accounts;

/**
 * The five kinds of account. Each has a normal side: balances are kept in that side's sign, so a
 * merchant (LIABILITY) with a positive balance is owed money by us and a provider clearing account
 * (ASSET) with a positive balance owes money to us. Across all accounts, the debit-normal balances
 * equal the credit-normal ones per currency (the trial balance).
 */
public enum AccountType {
  ASSET(Side.DEBIT),
  LIABILITY(Side.CREDIT),
  EQUITY(Side.CREDIT),
  REVENUE(Side.CREDIT),
  EXPENSE(Side.DEBIT);

  private final Side normalSide;

  AccountType(Side normalSide) {
    this.normalSide = normalSide;
  }

  public Side normalSide() {
    return normalSide;
  }

  /** How a posting of {@code amountMinor} on {@code side} changes a balance of this type. */
  public long balanceDelta(Side side, long amountMinor) {
    return side == normalSide ? amountMinor : Math.negateExact(amountMinor);
  }

  /** The balance in debit-positive terms, as the trial balance adds it up. */
  public long debitPositive(long balanceMinor) {
    return normalSide == Side.DEBIT ? balanceMinor : Math.negateExact(balanceMinor);
  }
}
