package com.paystream.gateway.providers.config;

import com.paystream.gateway.providers.ProviderClient;
import com.paystream.gateway.providers.ProviderClients;
import com.paystream.gateway.providers.http.RestProviderClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** One REST client per configured provider. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderProperties.class)
public class ProviderConfiguration {

  @Bean
  ProviderClients providerClients(ProviderProperties properties) {
    Map<String, ProviderClient> clients = new LinkedHashMap<>();
    properties
        .clients()
        .forEach(
            (name, provider) -> {
              if (provider.baseUrl() == null) {
                throw new IllegalStateException(
                    "paystream.providers.clients." + name + ".base-url is required");
              }
              HttpClient netty = HttpClient.create().responseTimeout(provider.timeout());
              WebClient.Builder client =
                  WebClient.builder()
                      .baseUrl(provider.baseUrl().toString())
                      .clientConnector(new ReactorClientHttpConnector(netty));
              if (provider.apiKey() != null && !provider.apiKey().isBlank()) {
                client.defaultHeader("Authorization", "Bearer " + provider.apiKey());
              }
              clients.put(name, new RestProviderClient(client.build(), name, provider.timeout()));
            });
    return new ProviderClients(clients);
  }
}
