package com.paystream.ledger.payments;

/** A payment's status as a provider reports it (UNKNOWN: a status this version cannot read). */
public enum ReportedStatus {
  UNKNOWN,
  CREATED,
  PENDING,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  REFUNDED
}
