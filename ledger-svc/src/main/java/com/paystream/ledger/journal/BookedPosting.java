package com.paystream.ledger.journal;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.Side;
import com.paystream.platform.ids.AccountId;

/**
 * A posting as booked: the account's balance right after it (booked balance, in the account's
 * normal-balance sign) and its gap-free position in the account's cashflow.
 */
public record BookedPosting(
    int lineNo,
    AccountSpec account,
    Side side,
    long amountMinor,
    long balanceAfterMinor,
    long accountSequence) {

  public AccountId accountId() {
    return account.id();
  }

  public String currencyCode() {
    return account.currencyCode();
  }
}
