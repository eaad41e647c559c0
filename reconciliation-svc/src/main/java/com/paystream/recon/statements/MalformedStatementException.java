package com.paystream.recon.statements;

import java.util.Objects;

/**
 * A statement file that cannot be ingested, with why ({@link #reason()}, a stable code clients may
 * switch on), where ({@code "line 7"}, {@code "Stmt[1]/Ntry[3]/Amt (line 42, column 17)"}, {@code
 * "message 2, field :61: #3"}) and what is wrong. The whole file is refused: nothing of it is
 * ingested.
 */
public class MalformedStatementException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a statement is refused; {@link #code()} is the problem's {@code reason}. */
  public enum Reason {
    /** Not the format's syntax, a value that is not what the field holds, totals that differ. */
    STATEMENT_MALFORMED("statement-malformed"),
    /** A currency the input policy does not accept (XAU, XXX, one not configured). */
    CURRENCY_NOT_ACCEPTED("currency-not-accepted"),
    /** An amount above the input policy's maximum for its currency. */
    AMOUNT_OVER_MAXIMUM("amount-over-maximum"),
    /** A file with no statement line at all (a CSV with only its header, an empty file). */
    EMPTY_STATEMENT("empty-statement");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final StatementFormat format;
  private final Reason reason;
  private final String where;
  private final String problem;

  public MalformedStatementException(StatementFormat format, String where, String problem) {
    this(format, Reason.STATEMENT_MALFORMED, where, problem, null);
  }

  public MalformedStatementException(
      StatementFormat format, String where, String problem, Throwable cause) {
    this(format, Reason.STATEMENT_MALFORMED, where, problem, cause);
  }

  public MalformedStatementException(
      StatementFormat format, Reason reason, String where, String problem) {
    this(format, reason, where, problem, null);
  }

  public MalformedStatementException(
      StatementFormat format, Reason reason, String where, String problem, Throwable cause) {
    super(format + " statement refused at " + where + ": " + problem, cause);
    this.format = Objects.requireNonNull(format, "format");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.where = Objects.requireNonNull(where, "where");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public StatementFormat format() {
    return format;
  }

  public Reason reason() {
    return reason;
  }

  /** The line, field or element at fault. */
  public String where() {
    return where;
  }

  public String problem() {
    return problem;
  }
}
