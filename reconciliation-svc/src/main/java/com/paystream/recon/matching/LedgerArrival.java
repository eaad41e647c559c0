package com.paystream.recon.matching;

import com.paystream.platform.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A posting on a provider clearing account (an asset: what the provider owes us). A DEBIT is money
 * the provider collected for us, so it nets against a statement CREDIT.
 *
 * @param booking true for postings that book the payment itself (a payment or a supplement), which
 *     a correct ledger makes at most once per payment
 */
public record LedgerArrival(
    String reference,
    String accountId,
    long sequence,
    String entryId,
    boolean booking,
    Direction side,
    Money amount,
    LocalDate effectiveDate,
    String provider,
    String causationId,
    String traceId)
    implements Arrival {

  public LedgerArrival {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Objects.requireNonNull(amount, "amount");
    Amounts.requirePositive(amount);
    traceId = traceId == null ? "" : traceId;
    causationId = causationId == null ? "" : causationId;
  }

  @Override
  public String identity() {
    return "L|" + accountId + "|" + sequence;
  }

  @Override
  public Money signed() {
    return side == Direction.DEBIT ? amount : amount.negate();
  }
}
