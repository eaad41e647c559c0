package com.paystream.recon.statements.ingestion;

import com.paystream.platform.input.InputReason;
import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.StatementFormat;

/**
 * A statement that parsed but that the suite's input policy refuses whole: no lines at all (a CSV
 * with only its header), or a line in a currency the suite does not accept ({@code XAU}, {@code
 * XXX}). Answered 422 like any refused statement, with the policy's {@link #reason()}.
 */
public class StatementLineRefusedException extends MalformedStatementException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  StatementLineRefusedException(
      StatementFormat format, String where, String problem, String reason) {
    super(format, where, problem);
    this.reason = reason;
  }

  static StatementLineRefusedException currency(
      StatementFormat format, String where, String problem) {
    return new StatementLineRefusedException(
        format, where, problem, InputReason.CURRENCY_NOT_ACCEPTED.code());
  }

  static StatementLineRefusedException empty(StatementFormat format) {
    return new StatementLineRefusedException(
        format, "the file", "has no statement lines", "empty-statement");
  }

  public String reason() {
    return reason;
  }
}
