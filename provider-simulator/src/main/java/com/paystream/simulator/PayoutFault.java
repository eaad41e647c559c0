package com.paystream.simulator;

/** What can go wrong with one payout; see {@link PayoutFaults}. */
public enum PayoutFault {
  /**
   * The bank receives less than the report's net: the provider kept an unexplained fee ({@link
   * PayoutFaults#shortByMinor}); the report is unchanged.
   */
  SHORT,
  /** The money reaches our bank one business day after the payout's value date. */
  LATE,
  /** The money never reaches our bank: no bank line. */
  MISSING,
  /**
   * The report holds a payment the suite never saw (id {@code pay_unknown_…}), paid out with the
   * rest.
   */
  UNKNOWN_LINE,
  /** A payment of the payout's days is charged back: a CHARGEBACK line of its full amount. */
  CHARGEBACK,
  /**
   * The payout's days' payments are charged back, in booking order, until the net is negative: the
   * provider debits our bank.
   */
  NEGATIVE
}
