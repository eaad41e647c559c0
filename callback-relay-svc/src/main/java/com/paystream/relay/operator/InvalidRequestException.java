package com.paystream.relay.operator;

/** Operator input that cannot be served as given; answered with 400 and the offending field. */
public final class InvalidRequestException extends RuntimeException {

  private final String field;

  public InvalidRequestException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
