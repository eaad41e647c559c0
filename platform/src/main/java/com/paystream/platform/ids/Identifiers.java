package com.paystream.platform.ids;

final class Identifiers {

  static final int MAX_LENGTH = 64;

  private Identifiers() {}

  static void requireValid(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(what + " contains whitespace or control characters");
      }
    }
  }
}
