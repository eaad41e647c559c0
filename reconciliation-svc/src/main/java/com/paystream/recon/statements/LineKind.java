package com.paystream.recon.statements;

/**
 * What a statement line is, as far as the statement says: the bank's transaction code (MT940 {@code
 * :61:} type, camt {@code BkTxCd}, BAI2 type code) or the provider's line type. Matching decides
 * with it which lines may be lost orders: only incoming payments.
 */
public enum LineKind {
  /** Money a customer paid: an incoming payment, which may be a lost order. */
  PAYMENT,
  /** Money returned to a customer. */
  REFUND,
  /**
   * A provider paying out to us (the payout report's net, or its arrival on our bank account), our
   * payout to a merchant, or money swept out of the account.
   */
  PAYOUT,
  /** A fee or charge. */
  FEE,
  /**
   * A payment the customer disputed, taken back by the provider: a debit of a payout report naming
   * the disputed payment.
   */
  CHARGEBACK,
  /** Anything the statement does not say more about. */
  OTHER
}
