package com.paystream.testkit.postgres;

/** A PostgreSQL role that can log in, and its password. */
public record DatabaseLogin(String username, String password) {

  /** Leaves the password out, so that a login can be logged. */
  @Override
  public String toString() {
    return "DatabaseLogin[username=" + username + "]";
  }
}
