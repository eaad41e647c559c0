package com.paystream.recon.instances;

import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;

/**
 * What a query answers for: the whole (the default) or, with {@code scope=local}, only the
 * partitions of the instance asked. The other instances are asked with {@code scope=local}; an
 * operator may ask it too, to see one instance's part.
 */
public enum Scope {
  WHOLE,
  LOCAL;

  /** The query parameter. */
  public static final String PARAMETER = "scope";

  /** Its one value. */
  public static final String LOCAL_VALUE = "local";

  public static Scope of(String value) {
    if (value == null) {
      return WHOLE;
    }
    if (LOCAL_VALUE.equals(value)) {
      return LOCAL;
    }
    throw new InputRefusedException(
        InputReason.MALFORMED, PARAMETER, "scope is 'local' or left out (the whole)");
  }
}
