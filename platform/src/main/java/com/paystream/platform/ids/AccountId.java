package com.paystream.platform.ids;

/** Identifies a account. Non-blank, at most 64 characters, no whitespace. */
public record AccountId(String value) {

  public AccountId {
    Identifiers.requireValid(value, "account id");
  }

  @Override
  public String toString() {
    return value;
  }
}
