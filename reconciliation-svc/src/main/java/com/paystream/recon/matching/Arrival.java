package com.paystream.recon.matching;

import com.paystream.platform.money.Money;

/**
 * One line that arrived for a payment reference: a statement line or a ledger cashflow line on a
 * provider clearing account. Its {@link #signed()} amount is the money it says the provider moved
 * to us (positive) or from us (negative), so that both sides net to the same number when they
 * agree.
 */
public sealed interface Arrival permits StatementArrival, LedgerArrival {

  /** The payment reference both sides are matched on. */
  String reference();

  /** Unique per line; the same identity arriving again is a re-delivery and changes nothing. */
  String identity();

  /** What the line says moved, always positive. */
  Money amount();

  /** Money towards us (positive) or away from us (negative). */
  Money signed();

  /** The provider, when the line says. */
  String provider();

  /** Id of the event that carried the line (statement line or cashflow event id). */
  String causationId();

  String traceId();
}
