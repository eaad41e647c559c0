package com.paystream.recon.clearing;

import com.paystream.recon.matching.clearing.ClearingCheck;

/**
 * The clearing check of one currency as {@code GET /v1/clearing} shows it, amounts in minor units.
 *
 * @param clearingBalanceMinor the ledger's provider-clearing balance, all providers together
 * @param unpaidMinor booked clearing of payments that no payout contained yet
 * @param awaitingPayoutMinor payment and refund lines of payouts reported, not yet on the bank
 * @param differenceMinor balance − unpaid − awaiting: 0 when the books add up
 * @param differingSeconds how long the difference has not been 0 (0 while it is)
 * @param holds whether the difference is 0
 */
public record ClearingView(
    String currency,
    long clearingBalanceMinor,
    long unpaidMinor,
    long awaitingPayoutMinor,
    long differenceMinor,
    long differingSeconds,
    boolean holds) {

  static ClearingView of(ClearingCheck check, long nowMs) {
    return new ClearingView(
        check.currency(),
        check.balance(),
        check.unpaid(),
        check.awaiting(),
        check.difference(),
        check.differingSeconds(nowMs),
        check.difference() == 0);
  }
}
