package com.paystream.ledger.holds;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to hold {@code amountMinor} on {@code accountCode}; when captured it is paid to {@code
 * counterAccountCode} (e.g. a merchant payout to our bank cash). The caller chooses {@code holdId},
 * which makes placing it idempotent. {@code requestedBy} is the authenticated operator; a request
 * body may not name it. {@code expiresAt}, when given, is the deadline after which the hold, still
 * open, is released by the system.
 */
public record PlaceHold(
    UUID holdId,
    String accountCode,
    String counterAccountCode,
    long amountMinor,
    String currency,
    String reason,
    String requestedBy,
    Instant expiresAt) {

  /** A hold without a deadline. */
  public PlaceHold(
      UUID holdId,
      String accountCode,
      String counterAccountCode,
      long amountMinor,
      String currency,
      String reason,
      String requestedBy) {
    this(holdId, accountCode, counterAccountCode, amountMinor, currency, reason, requestedBy, null);
  }

  /** The same request, made by {@code actor}. */
  public PlaceHold by(String actor) {
    return new PlaceHold(
        holdId, accountCode, counterAccountCode, amountMinor, currency, reason, actor, expiresAt);
  }
}
