package com.paystream.recon.matching;

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
    long amountMinor,
    String currency,
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
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Amounts.requirePositive(amountMinor);
    traceId = traceId == null ? "" : traceId;
    causationId = causationId == null ? "" : causationId;
  }

  @Override
  public String identity() {
    return "L|" + accountId + "|" + sequence;
  }

  @Override
  public long signedMinor() {
    return side == Direction.DEBIT ? amountMinor : -amountMinor;
  }
}
