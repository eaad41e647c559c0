package com.paystream.gateway.support.web;

import com.paystream.platform.input.InputReason;

/**
 * An expected refusal of an API request, carrying its HTTP status and stable reason. Thrown by web
 * adapters only; {@link ApiErrors} turns it into a problem answer.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String reason;
  private final String title;

  public ApiException(int status, String reason, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.reason = reason;
    this.title = title;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "invalid_request", "Invalid request", detail);
  }

  public static ApiException unauthenticated(String detail) {
    return new ApiException(401, "unauthenticated", "Unauthenticated", detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", "Forbidden", detail);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", "Not found", what + " not found");
  }

  /** 404 with the use case's own detail (what was not found, or not visible to the caller). */
  public static ApiException absent(String detail) {
    return new ApiException(404, "not_found", "Not found", detail);
  }

  /** 409: the resource's status forbids the change. */
  public static ApiException invalidState(String detail) {
    return new ApiException(409, "invalid_state", "Not allowed in this status", detail);
  }

  /** 409: the change asks for what already is; nothing was written. */
  public static ApiException noChange(String detail) {
    return new ApiException(409, InputReason.NO_CHANGE.code(), "Nothing to change", detail);
  }

  /** 422: well-formed, but the use case refuses what it asks for. */
  public static ApiException unprocessable(String detail) {
    return new ApiException(422, "invalid_request", "Invalid request", detail);
  }

  /** 422: the provider refused the change. */
  public static ApiException providerRefused(String detail) {
    return new ApiException(422, "provider_refused", "Provider refused", detail);
  }

  /** 503: the provider could not be asked; the same request may be retried. */
  public static ApiException providerUnavailable(String detail) {
    return new ApiException(503, "provider_unavailable", "Provider unavailable", detail);
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String title() {
    return title;
  }
}
