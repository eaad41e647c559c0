package com.paystream.recon.web;

import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A request refused for what it asks, not for how it is written: {@code 404 not-found} (no such
 * open break), {@code 409 already-resolved}. The detail names the subject by a short prefix only
 * ({@link com.paystream.platform.input.InputPolicy#echo}).
 */
public class RequestRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String reason;

  public RequestRefusedException(HttpStatus status, String reason, String detail) {
    super(Objects.requireNonNull(detail, "detail"));
    this.status = Objects.requireNonNull(status, "status");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public HttpStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }
}
