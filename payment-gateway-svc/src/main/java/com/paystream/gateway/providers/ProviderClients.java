package com.paystream.gateway.providers;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/** The providers the gateway can call, by name (the same names as their webhook endpoints). */
public final class ProviderClients {

  private final Map<String, ProviderClient> clients;

  public ProviderClients(Map<String, ProviderClient> clients) {
    this.clients = Map.copyOf(clients);
  }

  public Optional<ProviderClient> find(String provider) {
    return Optional.ofNullable(clients.get(provider));
  }

  /** The provider's client, or {@link ProviderUnavailable} when none is configured. */
  public Mono<ProviderClient> client(String provider) {
    return find(provider)
        .map(Mono::just)
        .orElseGet(
            () -> Mono.error(new ProviderUnavailable("no client for provider " + provider, null)));
  }

  public Set<String> names() {
    return clients.keySet();
  }
}
