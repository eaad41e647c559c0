package com.paystream.gateway.webhooks.config;

import com.paystream.gateway.callbacks.CallbackRecorder;
import com.paystream.gateway.webhooks.PayloadParser;
import com.paystream.gateway.webhooks.ProviderDirectory;
import com.paystream.gateway.webhooks.ProviderEndpoint;
import com.paystream.gateway.webhooks.SignatureDialect;
import com.paystream.gateway.webhooks.WebhookIntake;
import com.paystream.gateway.webhooks.standard.StandardWebhooksDialect;
import com.paystream.gateway.webhooks.standard.StandardWebhooksPayloadParser;
import com.paystream.gateway.webhooks.stripe.StripePayloadParser;
import com.paystream.gateway.webhooks.stripe.StripeSignatureDialect;
import com.paystream.gateway.webhooks.web.WebhookLimits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the provider directory from {@link WebhookProperties}. A provider with an unknown dialect
 * or a secret the dialect cannot use stops the service at startup: accepting webhooks we cannot
 * verify would be worse than not starting.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

  @Bean
  ProviderDirectory providerDirectory(WebhookProperties properties) {
    Map<String, SignatureDialect> dialects = dialects(properties);
    Map<String, PayloadParser> parsers = parsers();
    List<ProviderEndpoint> endpoints = new ArrayList<>();
    properties
        .providers()
        .forEach((name, provider) -> endpoints.add(endpoint(name, provider, dialects, parsers)));
    endpoints.forEach(
        endpoint ->
            log.info(
                "Webhook provider {}: dialect {}, payload {}, {} active secret(s)",
                endpoint.name(),
                endpoint.dialect().name(),
                endpoint.parser().format(),
                endpoint.keys().size()));
    return new ProviderDirectory(endpoints);
  }

  @Bean
  WebhookIntake webhookIntake(CallbackRecorder recorder, Clock clock) {
    return new WebhookIntake(recorder, clock);
  }

  @Bean
  WebhookLimits webhookLimits(WebhookProperties properties) {
    return new WebhookLimits(properties.maxBodySize().toBytes());
  }

  private static Map<String, SignatureDialect> dialects(WebhookProperties properties) {
    return Map.of(
        StandardWebhooksDialect.NAME, new StandardWebhooksDialect(properties.tolerance()),
        StripeSignatureDialect.NAME, new StripeSignatureDialect(properties.tolerance()));
  }

  private static Map<String, PayloadParser> parsers() {
    return Map.of(
        StandardWebhooksPayloadParser.FORMAT, new StandardWebhooksPayloadParser(),
        StripePayloadParser.FORMAT, new StripePayloadParser());
  }

  private static ProviderEndpoint endpoint(
      String name,
      WebhookProperties.Provider provider,
      Map<String, SignatureDialect> dialects,
      Map<String, PayloadParser> parsers) {
    SignatureDialect dialect =
        Optional.ofNullable(provider.dialect())
            .map(dialects::get)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "provider " + name + ": dialect must be one of " + dialects.keySet()));
    String format = Optional.ofNullable(provider.payloadFormat()).orElse(dialect.name());
    PayloadParser parser =
        Optional.ofNullable(parsers.get(format))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "provider "
                            + name
                            + ": payload-format must be one of "
                            + parsers.keySet()));
    try {
      return new ProviderEndpoint(name, dialect, dialect.keys(provider.secrets()), parser);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("provider " + name + ": " + e.getMessage(), e);
    }
  }
}
