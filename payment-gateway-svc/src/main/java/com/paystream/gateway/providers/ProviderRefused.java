package com.paystream.gateway.providers;

/** The provider answered and said no (4xx): repeating the same request will not help. */
public final class ProviderRefused extends RuntimeException {

  public ProviderRefused(String detail) {
    super(detail, null, false, false);
  }
}
