package com.paystream.ledger.config;

import com.paystream.platform.health.KafkaBrokerHealth;
import com.paystream.platform.health.ReadinessGauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The broker as a health contributor named {@code kafka}: with the database ({@code db}) it is what
 * the ledger cannot book without, so both are in the readiness group (application.yml).
 */
@Configuration(proxyBeanMethods = false)
public class ReadinessConfiguration {

  @Bean
  KafkaBrokerHealth kafkaHealthIndicator(KafkaAdmin admin) {
    return KafkaBrokerHealth.of(admin.getConfigurationProperties());
  }

  /** {@code paystream_ready}: what readiness answers, as a metric an alert can read. */
  @Bean(destroyMethod = "close")
  ReadinessGauge readinessGauge(HealthEndpoint health, MeterRegistry meters) {
    return ReadinessGauge.of(health, meters);
  }
}
