package com.paystream.gateway.support;

import com.paystream.platform.health.ReadinessGauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code paystream_ready}: what readiness answers (the database), as a metric an alert can read.
 */
@Configuration(proxyBeanMethods = false)
public class ReadinessMetricConfiguration {

  @Bean(destroyMethod = "close")
  ReadinessGauge readinessGauge(HealthEndpoint health, MeterRegistry meters) {
    return ReadinessGauge.of(health, meters);
  }
}
