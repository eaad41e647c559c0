package com.paystream.simulator;

/** What a reader of the payout report computes from its lines alone, for tests. */
final class PayoutArithmetic {

  private PayoutArithmetic() {}

  /**
   * The report's lines other than the PAYOUT line, signed as the provider's balance moves (payments
   * in, everything else out): what the PAYOUT line must pay out.
   */
  static long signedSum(Payout payout) {
    long sum = 0;
    for (StatementEntry line : payout.reportLines()) {
      switch (line.kind()) {
        case PAYMENT -> sum += line.amountMinor();
        case REFUND, FEE, CHARGEBACK -> sum -= line.amountMinor();
        case PAYOUT -> {}
      }
    }
    return sum;
  }

  /** The PAYOUT line, signed: positive when it is a debit (paid to us), negative a credit. */
  static long payoutLine(Payout payout) {
    StatementEntry line = payout.reportLines().get(payout.reportLines().size() - 1);
    assert line.kind() == StatementEntry.Kind.PAYOUT;
    return payout.netMinor() < 0 ? -line.amountMinor() : line.amountMinor();
  }
}
