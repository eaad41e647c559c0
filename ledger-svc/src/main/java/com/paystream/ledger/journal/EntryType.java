package com.paystream.ledger.journal;

/** What kind of business event a journal entry books (mirrors the published contract). */
public enum EntryType {
  PAYMENT,
  REFUND,
  REVERSAL,
  AMENDMENT,
  SUPPLEMENT,
  SETTLEMENT,
  HOLD,
  RELEASE
}
