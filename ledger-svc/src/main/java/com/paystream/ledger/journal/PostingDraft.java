package com.paystream.ledger.journal;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.Side;
import java.util.Objects;

/** One line of an entry before it is booked: no balance and no sequence yet. */
public record PostingDraft(AccountSpec account, Side side, long amountMinor) {

  public PostingDraft {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(side, "side");
  }

  public static PostingDraft debit(AccountSpec account, long amountMinor) {
    return new PostingDraft(account, Side.DEBIT, amountMinor);
  }

  public static PostingDraft credit(AccountSpec account, long amountMinor) {
    return new PostingDraft(account, Side.CREDIT, amountMinor);
  }

  public String currencyCode() {
    return account.currencyCode();
  }
}
