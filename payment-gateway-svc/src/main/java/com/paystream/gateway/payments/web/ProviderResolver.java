package com.paystream.gateway.payments.web;

import com.paystream.gateway.providers.ProviderClient;
import com.paystream.gateway.providers.ProviderClients;
import com.paystream.gateway.support.web.ApiException;
import org.springframework.stereotype.Component;

/** The provider client a request names, or a 400 naming the ones there are. */
@Component
public class ProviderResolver {

  private final ProviderClients clients;

  public ProviderResolver(ProviderClients clients) {
    this.clients = clients;
  }

  public ProviderClient require(String provider) {
    return clients
        .find(provider)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "provider must be one of " + clients.names().stream().sorted().toList()));
  }
}
