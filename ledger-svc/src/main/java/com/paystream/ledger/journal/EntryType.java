package com.paystream.ledger.journal;

/**
 * What kind of business event a journal entry books (mirrors the published contract). SETTLEMENT is
 * a hold's capture; PROVIDER_SETTLEMENT a provider's payout arriving on our bank account.
 */
public enum EntryType {
  PAYMENT,
  REFUND,
  REVERSAL,
  AMENDMENT,
  SUPPLEMENT,
  SETTLEMENT,
  HOLD,
  RELEASE,
  PROVIDER_SETTLEMENT
}
