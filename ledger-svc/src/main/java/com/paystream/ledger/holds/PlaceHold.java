package com.paystream.ledger.holds;

import java.util.UUID;

/**
 * A request to hold {@code amountMinor} on {@code accountCode}; when captured it is paid to {@code
 * counterAccountCode} (e.g. a merchant payout through the provider's clearing account). The caller
 * chooses {@code holdId}, which makes placing it idempotent. {@code requestedBy} is the
 * authenticated operator; a request body may not name it.
 */
public record PlaceHold(
    UUID holdId,
    String accountCode,
    String counterAccountCode,
    long amountMinor,
    String currency,
    String reason,
    String requestedBy) {

  /** The same request, made by {@code actor}. */
  public PlaceHold by(String actor) {
    return new PlaceHold(
        holdId, accountCode, counterAccountCode, amountMinor, currency, reason, actor);
  }
}
