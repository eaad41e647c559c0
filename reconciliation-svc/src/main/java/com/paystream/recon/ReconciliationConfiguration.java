package com.paystream.recon;

import com.paystream.platform.health.ReadinessGauge;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroSerdeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every feature of the service shares: the clock, the schema registry, the settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconProperties.class)
class ReconciliationConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Pinned schemas unless {@code paystream.schema.registry.url} names a registry. */
  @Bean
  SchemaRegistry schemaRegistry(@Value("${paystream.schema.registry.url:}") String url) {
    return AvroSerdeConfig.registry(Map.of(AvroSerdeConfig.REGISTRY_URL, url));
  }

  /** {@code paystream_ready}: what readiness answers, as a metric an alert can read. */
  @Bean(destroyMethod = "close")
  ReadinessGauge readinessGauge(HealthEndpoint health, MeterRegistry meters) {
    return ReadinessGauge.of(health, meters);
  }
}
