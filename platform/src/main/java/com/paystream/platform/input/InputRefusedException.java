package com.paystream.platform.input;

import java.util.Objects;

/**
 * An input the policy refuses: the caller's mistake, answered 400 with {@link #reason()} and {@link
 * #field()}. The detail never carries more than {@link InputPolicy#echo(Object)} of the offending
 * value.
 */
public class InputRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final InputReason reason;
  private final String field;

  public InputRefusedException(InputReason reason, String field, String detail) {
    super(Objects.requireNonNull(detail, "detail"));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.field = Objects.requireNonNull(field, "field");
  }

  public InputReason reason() {
    return reason;
  }

  public String field() {
    return field;
  }
}
