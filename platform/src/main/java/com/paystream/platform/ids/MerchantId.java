package com.paystream.platform.ids;

/** Identifies a merchant. Non-blank, at most 64 characters, no whitespace. */
public record MerchantId(String value) {

  public MerchantId {
    Identifiers.requireValid(value, "merchant id");
  }

  @Override
  public String toString() {
    return value;
  }
}
