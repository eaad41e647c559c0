package com.paystream.platform.ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a callback as the gateway recorded it; the ledger confirms by it. */
public record CallbackId(UUID value) {

  public CallbackId {
    Objects.requireNonNull(value, "callback id");
  }

  public static CallbackId parse(String text) {
    return new CallbackId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
