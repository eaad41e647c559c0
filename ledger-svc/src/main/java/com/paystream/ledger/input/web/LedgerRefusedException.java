package com.paystream.ledger.input.web;

import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A refusal a read endpoint answers from inside a call chain (an unknown account, entry or
 * payment): {@link LedgerProblems} answers it with its status and {@code code}. State-changing
 * endpoints return their refusals as values instead.
 */
public class LedgerRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String code;

  public LedgerRefusedException(HttpStatus status, String code, String detail) {
    super(Objects.requireNonNull(detail, "detail"));
    this.status = Objects.requireNonNull(status, "status");
    this.code = Objects.requireNonNull(code, "code");
  }

  public static LedgerRefusedException notFound(String code, String detail) {
    return new LedgerRefusedException(HttpStatus.NOT_FOUND, code, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
