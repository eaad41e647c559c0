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
  MALFORMED_CURSOR("malformed-cursor"),
  /** A body that is not well-formed JSON, or JSON of the wrong shape for the endpoint. */
  MALFORMED_JSON("malformed-json"),
  /** A request the HTTP server could not read (bad request line, bad header, bad encoding). */
  MALFORMED_REQUEST("malformed-request"),
  /** A path with an encoded slash ({@code %2F}) or backslash, which no resource is named by. */
  ENCODED_SLASH("encoded-slash"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
  NOT_ACCEPTABLE("not-acceptable"),
  METHOD_NOT_ALLOWED("method-not-allowed"),
  NOT_FOUND("not-found"),
  PAYLOAD_TOO_LARGE("payload-too-large"),
  URI_TOO_LONG("uri-too-long"),
  HEADERS_TOO_LARGE("headers-too-large"),
  /** A change identical to the current state: nothing would change, nothing is written. */
  NO_CHANGE("no-change"),
  /** A movement whose two sides are the same account. */
  SAME_ACCOUNT("same-account");

  private final String code;

  InputReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
