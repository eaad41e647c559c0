package com.paystream.schemas.topics;

/** The services of the suite, as the catalogue names a topic's writers. */
public enum Service {
  PAYMENT_GATEWAY("payment-gateway-svc"),
  CALLBACK_RELAY("callback-relay-svc"),
  LEDGER("ledger-svc"),
  RECONCILIATION("reconciliation-svc");

  private final String serviceName;

  Service(String serviceName) {
    this.serviceName = serviceName;
  }

  /** The service's artifact and {@code spring.application.name}, e.g. {@code ledger-svc}. */
  public String serviceName() {
    return serviceName;
  }
}
