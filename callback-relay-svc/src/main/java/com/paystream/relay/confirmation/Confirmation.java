package com.paystream.relay.confirmation;

import java.util.UUID;

/**
 * What the ledger said about one relayed message: it applied it, or it refused it for a reason that
 * re-delivery cannot fix. {@code ledgerEventId} is the id of the ledger's event that said so.
 */
public record Confirmation(UUID messageId, UUID ledgerEventId, Verdict verdict, String detail) {

  public enum Verdict {
    APPLIED,
    REJECTED
  }
}
