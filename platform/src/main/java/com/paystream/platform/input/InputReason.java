package com.paystream.platform.input;

/**
 * Why an input was refused. The {@link #code()} is the stable {@code reason} of the problem+json
 * answer: clients may switch on it, so a code never changes meaning.
 */
public enum InputReason {
  MALFORMED("malformed"),
  MISSING("missing"),
  INSTANT_OUT_OF_RANGE("instant-out-of-range"),
  DATE_OUT_OF_RANGE("date-out-of-range"),
  DURATION_OUT_OF_RANGE("duration-out-of-range"),
  NOT_AN_INTEGER("not-an-integer"),
  INTEGER_OUT_OF_RANGE("integer-out-of-range"),
  CURRENCY_NOT_ACCEPTED("currency-not-accepted"),
  AMOUNT_NOT_POSITIVE("amount-not-positive"),
  AMOUNT_OVER_MAXIMUM("amount-over-maximum"),
  TEXT_TOO_LONG("text-too-long"),
  MALFORMED_IDENTIFIER("malformed-identifier"),
  PAGE_SIZE_OUT_OF_RANGE("page-size-out-of-range"),
  MALFORMED_CURSOR("malformed-cursor");

  private final String code;

  InputReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
