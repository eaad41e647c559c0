package com.paystream.gateway.webhooks;

import java.util.ArrayList;
import java.util.List;

/**
 * The HMAC keys of one provider, several at once while a secret is being rotated. Never printed:
 * {@link #toString()} only says how many there are.
 */
public final class SigningKeys {

  private final List<byte[]> keys;

  public SigningKeys(List<byte[]> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one signing secret is required");
    }
    List<byte[]> copies = new ArrayList<>(keys.size());
    keys.forEach(key -> copies.add(key.clone()));
    this.keys = List.copyOf(copies);
  }

  /** The raw keys; callers must not modify or log them. */
  public List<byte[]> keys() {
    return keys;
  }

  public int size() {
    return keys.size();
  }

  @Override
  public String toString() {
    return "SigningKeys[" + keys.size() + " redacted]";
  }
}
