package com.paystream.security.testing;

import java.util.List;

/**
 * The classes of bad input every service's {@code …BadInputCorpusTest} sends to each endpoint that
 * takes input. A value class goes into a field or parameter; a request class is a whole request
 * (see {@link BadRequest}). Each expects a 4xx problem+json, never a 5xx.
 *
 * @param name what it is, for test names
 * @param value the offending value as sent
 */
public record BadInput(String name, String value) {

  public static final BadInput HUGE_TEXT = new BadInput("huge text", "x".repeat(100_000));

  /** Text over every cap that still fits in a URL: {@link #HUGE_TEXT} as a query value. */
  public static final BadInput LONG_TEXT = new BadInput("long text", "x".repeat(2_000));

  public static final BadInput FRACTIONAL_INTEGER = new BadInput("fractional integer", "1.5");
  public static final BadInput FAR_INSTANT =
      new BadInput("instant out of range", "+1000000000-01-01T00:00:00Z");
  public static final BadInput FAR_DATE = new BadInput("date out of range", "+999999999-12-31");
  public static final BadInput EARLY_DATE = new BadInput("date before range", "-999999999-01-01");
  public static final BadInput HUGE_DURATION = new BadInput("huge duration", "P999999999D");
  public static final BadInput ZERO_DURATION = new BadInput("zero duration", "PT0S");
  public static final BadInput NEGATIVE_DURATION = new BadInput("negative duration", "-PT1H");
  public static final BadInput CURRENCY_XXX = new BadInput("currency XXX", "XXX");
  public static final BadInput CURRENCY_XAU = new BadInput("currency XAU", "XAU");
  public static final BadInput LONG_MAX = new BadInput("Long.MAX amount", "9223372036854775807");
  public static final BadInput BEYOND_LONG =
      new BadInput("integer beyond long", "9223372036854775808");
  public static final BadInput NEGATIVE_INTEGER = new BadInput("negative integer", "-1");
  public static final BadInput GARBAGE = new BadInput("garbage", "%%'\"<script>\u0000");

  /** Values for a duration field or parameter. */
  public static List<BadInput> durations() {
    return List.of(HUGE_DURATION, ZERO_DURATION, NEGATIVE_DURATION, HUGE_TEXT, GARBAGE);
  }

  /** Values for an instant field or parameter. */
  public static List<BadInput> instants() {
    return List.of(FAR_INSTANT, HUGE_TEXT, GARBAGE);
  }

  /** Values for a date field or parameter. */
  public static List<BadInput> dates() {
    return List.of(FAR_DATE, EARLY_DATE, HUGE_TEXT, GARBAGE);
  }

  /** Values for a page size or another bounded whole number. */
  public static List<BadInput> pageSizes() {
    return List.of(FRACTIONAL_INTEGER, LONG_MAX, BEYOND_LONG, NEGATIVE_INTEGER, HUGE_TEXT, GARBAGE);
  }

  /** Values for a currency code. */
  public static List<BadInput> currencies() {
    return List.of(CURRENCY_XXX, CURRENCY_XAU, HUGE_TEXT, GARBAGE);
  }

  /** Values for an amount in minor units. */
  public static List<BadInput> amounts() {
    return List.of(FRACTIONAL_INTEGER, LONG_MAX, BEYOND_LONG, NEGATIVE_INTEGER);
  }

  /** Values for free text or an identifier. */
  public static List<BadInput> texts() {
    return List.of(HUGE_TEXT, GARBAGE);
  }

  /**
   * The values as a query parameter carries them: {@link #HUGE_TEXT} becomes {@link #LONG_TEXT} (a
   * 100,000-character URL is {@link BadRequest#LONG_URL}'s business, refused before binding).
   */
  public static List<BadInput> inQuery(List<BadInput> values) {
    return values.stream().map(bad -> bad.equals(HUGE_TEXT) ? LONG_TEXT : bad).toList();
  }

  @Override
  public String toString() {
    return name;
  }
}
