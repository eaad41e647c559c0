package com.paystream.gateway.support;

import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroSerdeConfig;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schema registry the outbox messages are written against: the pinned one bundled in {@code
 * schemas} unless {@code paystream.schema.registry.url} names a Confluent-compatible one.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaRegistryConfiguration {

  @Bean
  SchemaRegistry schemaRegistry(
      @Value("${" + AvroSerdeConfig.REGISTRY_URL + ":}") String registryUrl,
      @Value("${" + AvroSerdeConfig.REGISTRY_TIMEOUT_MS + ":}") String timeoutMs) {
    return AvroSerdeConfig.registry(
        Map.of(
            AvroSerdeConfig.REGISTRY_URL, registryUrl,
            AvroSerdeConfig.REGISTRY_TIMEOUT_MS, timeoutMs));
  }
}
