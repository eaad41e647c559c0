package com.paystream.platform.ids;

/** Identifies a payment. Non-blank, at most 64 characters, no whitespace. */
public record PaymentId(String value) {

  public PaymentId {
    Identifiers.requireValid(value, "payment id");
  }

  @Override
  public String toString() {
    return value;
  }
}
