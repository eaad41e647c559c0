package com.paystream.platform.input;

import com.paystream.platform.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The suite's one input policy. Every service applies it where a request is bound, before a use
 * case sees the values: instants and dates within a sane range, durations bounded, integers never
 * truncated, currencies from an allow-list with a maximum amount each, text capped, identifiers of
 * a declared shape, pages bounded. A refusal is an {@link InputRefusedException} with a stable
 * {@link InputReason}; its detail echoes at most {@value #ECHO_LIMIT} characters of the value.
 *
 * @param earliest the first instant (and date) any request may name
 * @param latest the last instant (and date) any request may name
 * @param longestDuration the longest duration (age, window) a request may ask for
 * @param maxText the longest free text (reason, note) a request may carry
 * @param maxPageSize the largest page a listing may return
 * @param currencies the accepted currencies by ISO 4217 code
 */
public record InputPolicy(
    Instant earliest,
    Instant latest,
    Duration longestDuration,
    int maxText,
    int maxPageSize,
    Map<String, AcceptedCurrency> currencies) {

  /** How much of an offending value a refusal repeats back. */
  public static final int ECHO_LIMIT = 40;

  /** Identifiers: letters, digits and {@code - _ . :}, at most 64 characters. */
  public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  /**
   * A UUID in its canonical 36-character form, the only form the suite issues ({@link
   * UUID#fromString} alone would also take {@code 1-1-1-1-1}).
   */
  public static final Pattern UUID_SHAPE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** The largest default amount: ten million in major units of a two-decimal currency. */
  public static final long DEFAULT_MAX_MINOR = 1_000_000_000L;

  /** The currencies accepted when none are configured: fiat currencies the suite is tried with. */
  public static final List<String> DEFAULT_CURRENCIES =
      List.of(
          "EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "JPY", "CAD", "AUD",
          "NZD", "BHD");

  public InputPolicy {
    Objects.requireNonNull(earliest, "earliest");
    Objects.requireNonNull(latest, "latest");
    Objects.requireNonNull(longestDuration, "longestDuration");
    if (!earliest.isBefore(latest)) {
      throw new IllegalArgumentException("earliest must be before latest");
    }
    if (longestDuration.isNegative() || longestDuration.isZero()) {
      throw new IllegalArgumentException("longestDuration must be positive");
    }
    if (maxText < 1 || maxPageSize < 1) {
      throw new IllegalArgumentException("maxText and maxPageSize must be positive");
    }
    currencies = Map.copyOf(currencies);
    if (currencies.isEmpty()) {
      throw new IllegalArgumentException("at least one currency must be accepted");
    }
  }

  /** 2000-01-01 to 2100-01-01, ten years of duration, 500 characters, pages of 1,000. */
  public static InputPolicy defaults() {
    return new InputPolicy(
        Instant.parse("2000-01-01T00:00:00Z"),
        Instant.parse("2100-01-01T00:00:00Z"),
        Duration.ofDays(3660),
        500,
        1000,
        currencies(DEFAULT_CURRENCIES, DEFAULT_MAX_MINOR));
  }

  /** The given codes, each with the same maximum; refuses codes without minor units (XXX, XAU). */
  public static Map<String, AcceptedCurrency> currencies(Collection<String> codes, long maxMinor) {
    Map<String, AcceptedCurrency> accepted = new LinkedHashMap<>();
    for (String code : codes) {
      accepted.put(code, AcceptedCurrency.of(code, maxMinor));
    }
    return accepted;
  }

  public Instant instant(String field, Instant value) {
    required(field, value);
    if (value.isBefore(earliest) || value.isAfter(latest)) {
      throw refused(
          InputReason.INSTANT_OUT_OF_RANGE,
          field,
          "%s must be between %s and %s, was %s".formatted(field, earliest, latest, echo(value)));
    }
    return value;
  }

  /** Parses an ISO-8601 instant and checks its range. */
  public Instant instant(String field, String value) {
    required(field, value);
    try {
      return instant(field, Instant.parse(value));
    } catch (java.time.format.DateTimeParseException e) {
      throw refused(
          InputReason.MALFORMED,
          field,
          "%s must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, was %s"
              .formatted(field, echo(value)));
    }
  }

  public LocalDate date(String field, LocalDate value) {
    required(field, value);
    LocalDate first = LocalDate.ofInstant(earliest, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(latest, ZoneOffset.UTC);
    if (value.isBefore(first) || value.isAfter(last)) {
      throw refused(
          InputReason.DATE_OUT_OF_RANGE,
          field,
          "%s must be between %s and %s, was %s".formatted(field, first, last, echo(value)));
    }
    return value;
  }

  /** Parses an ISO-8601 date (2026-01-31) and checks its range. */
  public LocalDate date(String field, String value) {
    required(field, value);
    try {
      return date(field, LocalDate.parse(value));
    } catch (java.time.format.DateTimeParseException e) {
      throw refused(
          InputReason.MALFORMED,
          field,
          "%s must be an ISO-8601 date such as 2026-01-31, was %s".formatted(field, echo(value)));
    }
  }

  /** A positive duration no longer than {@link #longestDuration()}. */
  public Duration duration(String field, Duration value) {
    required(field, value);
    if (value.isNegative() || value.isZero() || value.compareTo(longestDuration) > 0) {
      throw refused(
          InputReason.DURATION_OUT_OF_RANGE,
          field,
          "%s must be positive and at most %s, was %s"
              .formatted(field, longestDuration, echo(value)));
    }
    return value;
  }

  /** Parses an ISO-8601 duration (PT15M, P7D) and checks its range. */
  public Duration duration(String field, String value) {
    required(field, value);
    Duration parsed;
    try {
      parsed = Duration.parse(value);
    } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
      throw refused(
          InputReason.MALFORMED,
          field,
          "%s must be an ISO-8601 duration such as PT15M or P7D, was %s"
              .formatted(field, echo(value)));
    }
    return duration(field, parsed);
  }

  /**
   * A whole number within {@code [min, max]}, refusing fractions rather than truncating them. Takes
   * the number as JSON carried it.
   */
  public long integer(String field, BigDecimal value, long min, long max) {
    required(field, value);
    BigDecimal whole;
    try {
      whole = value.stripTrailingZeros();
      if (whole.scale() > 0) {
        throw new ArithmeticException("fraction");
      }
    } catch (ArithmeticException e) {
      throw refused(
          InputReason.NOT_AN_INTEGER,
          field,
          "%s must be a whole number, was %s".formatted(field, echo(value.toPlainString())));
    }
    if (whole.compareTo(BigDecimal.valueOf(min)) < 0
        || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw refused(
          InputReason.INTEGER_OUT_OF_RANGE,
          field,
          "%s must be between %d and %d, was %s"
              .formatted(field, min, max, echo(value.toPlainString())));
    }
    return whole.longValueExact();
  }

  public int pageSize(String field, int value) {
    if (value < 1 || value > maxPageSize) {
      throw refused(
          InputReason.PAGE_SIZE_OUT_OF_RANGE,
          field,
          "%s must be between 1 and %d, was %d".formatted(field, maxPageSize, value));
    }
    return value;
  }

  public AcceptedCurrency currency(String field, String code) {
    required(field, code);
    AcceptedCurrency accepted = currencies.get(code);
    if (accepted == null) {
      throw refused(
          InputReason.CURRENCY_NOT_ACCEPTED,
          field,
          "%s %s is not a currency this suite accepts (accepted: %s)"
              .formatted(
                  field,
                  echo(code),
                  String.join(", ", currencies.keySet().stream().sorted().toList())));
    }
    return accepted;
  }

  /** A positive amount in an accepted currency, at most that currency's maximum. */
  public Money amount(String field, long minor, String currencyCode) {
    AcceptedCurrency accepted = currency(field + ".currency", currencyCode);
    if (minor <= 0) {
      throw refused(
          InputReason.AMOUNT_NOT_POSITIVE,
          field,
          "%s must be positive, was %d".formatted(field, minor));
    }
    if (minor > accepted.maxMinor()) {
      throw refused(
          InputReason.AMOUNT_OVER_MAXIMUM,
          field,
          "%s must be at most %d minor units of %s, was %d"
              .formatted(field, accepted.maxMinor(), accepted.code(), minor));
    }
    return new Money(minor, accepted.currency());
  }

  /** Free text of at most {@link #maxText()} characters; null stays null. */
  public String text(String field, String value) {
    return text(field, value, maxText);
  }

  public String text(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw refused(
          InputReason.TEXT_TOO_LONG,
          field,
          "%s must be at most %d characters, was %d (%s)"
              .formatted(field, max, value.length(), echo(value)));
    }
    return value;
  }

  /** An identifier of the {@link #IDENTIFIER} shape. */
  public String identifier(String field, String value) {
    return identifier(field, value, IDENTIFIER, "letters, digits and . _ : - (at most 64)");
  }

  /** A UUID of the {@link #UUID_SHAPE}: an approval, message, hold or account id. */
  public UUID uuid(String field, String value) {
    identifier(field, value, UUID_SHAPE, "a UUID such as 3f0c2a9e-5b7d-4c1e-9a8b-1d2e3f4a5b6c");
    return UUID.fromString(value);
  }

  public String identifier(String field, String value, Pattern shape, String shapeDescription) {
    required(field, value);
    if (!shape.matcher(value).matches()) {
      throw refused(
          InputReason.MALFORMED_IDENTIFIER,
          field,
          "%s must be %s, was %s".formatted(field, shapeDescription, echo(value)));
    }
    return value;
  }

  /**
   * A cursor the service did not give out, or one it cannot read back: made up, cut or edited. The
   * value is not repeated (a signed cursor carries its position).
   */
  public static InputRefusedException malformedCursor(String field) {
    return new InputRefusedException(
        InputReason.MALFORMED_CURSOR, field, field + " is not a cursor this service gave out");
  }

  /** At most {@value #ECHO_LIMIT} characters of a value, for a refusal's detail. */
  public static String echo(Object value) {
    String text = String.valueOf(value);
    StringBuilder shown = new StringBuilder();
    int limit = Math.min(text.length(), ECHO_LIMIT);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      shown.append(Character.isISOControl(c) ? '?' : c);
    }
    String quoted = "'" + shown + "'";
    return text.length() > ECHO_LIMIT ? quoted + "… (" + text.length() + " characters)" : quoted;
  }

  private static void required(String field, Object value) {
    if (value == null) {
      throw refused(InputReason.MISSING, field, field + " is required");
    }
  }

  private static InputRefusedException refused(InputReason reason, String field, String detail) {
    return new InputRefusedException(reason, field, detail);
  }
}
