package com.paystream.recon.statements;

import java.util.Objects;

/**
 * A statement file that cannot be ingested, with where ({@code "line 7"}, {@code
 * "Stmt[1]/Ntry[3]/Amt (line 42, column 17)"}, {@code "message 2, field :61: #3"}) and what is
 * wrong. The whole file is refused: nothing of it is ingested.
 */
public class MalformedStatementException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final StatementFormat format;
  private final String where;
  private final String problem;

  public MalformedStatementException(StatementFormat format, String where, String problem) {
    this(format, where, problem, null);
  }

  public MalformedStatementException(
      StatementFormat format, String where, String problem, Throwable cause) {
    super(format + " statement refused at " + where + ": " + problem, cause);
    this.format = Objects.requireNonNull(format, "format");
    this.where = Objects.requireNonNull(where, "where");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public StatementFormat format() {
    return format;
  }

  public String where() {
    return where;
  }

  public String problem() {
    return problem;
  }
}
