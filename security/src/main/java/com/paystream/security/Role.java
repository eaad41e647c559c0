package com.paystream.security;

/** The roles of the suite, the same in every service. */
public enum Role {
  /** A merchant: its own payments, refunds, balances and statements only. */
  MERCHANT,
  /** Corrections, holds, day close, break resolution, redrive; changes need a second operator. */
  OPERATOR,
  /** Reads everything, changes nothing. */
  AUDITOR,
  /** Manages keys. */
  ADMIN;

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
