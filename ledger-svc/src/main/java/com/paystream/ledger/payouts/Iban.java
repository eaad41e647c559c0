package com.paystream.ledger.payouts;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IBAN, checked (shape and ISO 13616 mod-97 check digits) and normalized (no spaces, upper
 * case). Its full number leaves this type only through {@link #number()}, for the database column;
 * {@link #toString()} and {@link #masked()} show the country, the check digits and the last four
 * characters, so that no answer, audit record or log line can carry it by accident.
 */
public final class Iban {

  private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

  private final String number;

  private Iban(String number) {
    this.number = number;
  }

  /** The IBAN, or empty when {@code text} is not one. Never says what was wrong with the text. */
  public static Optional<Iban> parse(String text) {
    if (text == null || text.length() > 64) {
      return Optional.empty();
    }
    String normalized = text.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!SHAPE.matcher(normalized).matches() || !checksumHolds(normalized)) {
      return Optional.empty();
    }
    return Optional.of(new Iban(normalized));
  }

  /** A stored IBAN (already checked when it was stored). */
  public static Iban stored(String number) {
    return new Iban(Objects.requireNonNull(number, "number"));
  }

  /** The full number: for the database column, nowhere else. */
  public String number() {
    return number;
  }

  /** {@code DE89 **** 3000}: country and check digits, the last four characters. */
  public String masked() {
    return mask(number);
  }

  /** The mask of a number, without checking it. */
  public static String mask(String number) {
    if (number.length() <= 8) {
      return "****";
    }
    return number.substring(0, 4) + " **** " + number.substring(number.length() - 4);
  }

  private static boolean checksumHolds(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder(rearranged.length() * 2);
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Iban iban && iban.number.equals(number);
  }

  @Override
  public int hashCode() {
    return number.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }
}
