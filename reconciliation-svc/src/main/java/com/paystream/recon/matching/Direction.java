package com.paystream.recon.matching;

/** Side of a line, from the point of view of the account it is booked on. */
public enum Direction {
  CREDIT,
  DEBIT
}
