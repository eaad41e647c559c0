package com.paystream.gateway.providers;

/** The provider could not be reached or failed (timeout, 5xx): try again later. */
public final class ProviderUnavailable extends RuntimeException {

  public ProviderUnavailable(String detail, Throwable cause) {
    super(detail, cause);
  }
}
