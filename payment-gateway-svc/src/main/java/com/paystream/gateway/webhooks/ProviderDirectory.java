package com.paystream.gateway.webhooks;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The providers allowed to call us, by the name in the webhook URL. */
public final class ProviderDirectory {

  private final Map<String, ProviderEndpoint> endpoints = new TreeMap<>();

  public ProviderDirectory(Iterable<ProviderEndpoint> endpoints) {
    endpoints.forEach(endpoint -> this.endpoints.put(endpoint.name(), endpoint));
  }

  public Optional<ProviderEndpoint> find(String name) {
    return Optional.ofNullable(endpoints.get(name));
  }

  public Set<String> names() {
    return endpoints.keySet();
  }
}
