package com.paystream.relay.input;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.convert.DurationStyle;

/**
 * How the relay's web adapters read every request value, under the suite's {@link InputPolicy}: a
 * refused value is an {@link InputRefusedException} (400 with its reason and field) before any use
 * case sees it. Blank optional values read as null.
 */
public final class RequestInput {

  /** An opaque cursor the relay gives out is far shorter; a longer one is not ours. */
  public static final int MAX_CURSOR_CHARS = 64;

  private final InputPolicy policy;

  public RequestInput(InputPolicy policy) {
    this.policy = policy;
  }

  /**
   * An age such as {@code olderThan}: ISO-8601 ({@code PT15M}, {@code P7D}) or Boot's short form
   * ({@code 15m}), positive and at most the policy's longest duration.
   */
  public Duration age(String field, String value) {
    if (blank(value)) {
      return null;
    }
    Duration parsed;
    try {
      parsed = DurationStyle.detectAndParse(value.strip());
    } catch (RuntimeException e) {
      throw refused(
          InputReason.MALFORMED,
          field,
          "%s must be a duration such as PT15M, P7D or 15m, was %s"
              .formatted(field, InputPolicy.echo(value)));
    }
    return policy.duration(field, parsed);
  }

  /** An identifier of the policy's shape (letters, digits and {@code . _ : -}, at most 64). */
  public String identifier(String field, String value) {
    return blank(value) ? null : policy.identifier(field, value.strip());
  }

  /** A message, approval or other UUID. */
  public UUID uuid(String field, String value) {
    return policy.uuid(field, value);
  }

  /** Free text, capped by the policy; null when blank. */
  public String text(String field, String value) {
    return blank(value) ? null : policy.text(field, value.strip());
  }

  /** Free text the caller must give (why an operator redrives). */
  public String requiredText(String field, String value, String why) {
    if (blank(value)) {
      throw refused(InputReason.MISSING, field, field + " is required: " + why);
    }
    return policy.text(field, value.strip());
  }

  /** An instant within the policy's range; null when blank. */
  public Instant instant(String field, String value) {
    return blank(value) ? null : policy.instant(field, value.strip());
  }

  /** One of {@code allowed}, case-insensitive, upper-cased. */
  public String oneOf(String field, String value, List<String> allowed) {
    String wanted = value.strip().toUpperCase(Locale.ROOT);
    if (!allowed.contains(wanted)) {
      throw refused(
          InputReason.MALFORMED,
          field,
          "%s must be one of %s, was %s".formatted(field, allowed, InputPolicy.echo(value)));
    }
    return wanted;
  }

  /**
   * A page size: {@code dflt} when absent, else a whole number from 1 to the smaller of {@code max}
   * and the policy's largest page. Refused when out of range, never clamped.
   */
  public int pageSize(String field, String value, int dflt, int max) {
    if (blank(value)) {
      return dflt;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw refused(
          InputReason.NOT_AN_INTEGER,
          field,
          "%s must be a whole number, was %s".formatted(field, InputPolicy.echo(value)));
    }
    long size = policy.integer(field, number, Long.MIN_VALUE, Long.MAX_VALUE);
    int largest = Math.min(max, policy.maxPageSize());
    if (size < 1 || size > largest) {
      throw refused(
          InputReason.PAGE_SIZE_OUT_OF_RANGE,
          field,
          "%s must be between 1 and %d, was %d".formatted(field, largest, size));
    }
    return (int) size;
  }

  /** A cursor as given out, still to be decoded; null when absent; refused when too long. */
  public String cursor(String field, String value) {
    if (blank(value)) {
      return null;
    }
    if (value.length() > MAX_CURSOR_CHARS) {
      throw InputPolicy.malformedCursor(field);
    }
    return value.strip();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static InputRefusedException refused(InputReason reason, String field, String detail) {
    return new InputRefusedException(reason, field, detail);
  }
}
