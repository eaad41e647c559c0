package com.paystream.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The tracing every service gets by depending on this module: {@link Traces} for the outbox and
 * Kafka hops, and the {@code traceparent} response header for whichever web stack the service runs.
 */
@AutoConfiguration(
    after = {OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class})
@ConditionalOnBean(Tracer.class)
public class TracingAutoConfiguration {

  @Bean
  Traces paystreamTraces(Tracer tracer) {
    return new Traces(tracer);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(FilterRegistrationBean.class)
  static class Servlet {

    // Right after Spring's ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1), whose span is
    // current then, and before security, so that refused requests carry the header too.
    @Bean
    FilterRegistrationBean<TraceResponseHeaderFilter> traceResponseHeaderFilter(Traces traces) {
      var registration = new FilterRegistrationBean<>(new TraceResponseHeaderFilter(traces));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
      return registration;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  static class Reactive {

    // First of the web filters, before security, so that refused requests carry the header too.
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ExchangeTraces exchangeTraces() {
      return new ExchangeTraces();
    }
  }
}
