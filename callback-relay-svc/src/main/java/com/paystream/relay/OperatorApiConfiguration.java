package com.paystream.relay;

import com.paystream.relay.delivery.DeliveryProperties;
import com.paystream.relay.operator.OperatorApiProperties;
import com.paystream.relay.operator.OperatorAuthentication;
import com.paystream.relay.operator.OperatorService;
import com.paystream.relay.operator.kafka.AvroPayloadReader;
import com.paystream.relay.operator.persistence.JdbcMessageStore;
import com.paystream.schemas.registry.SchemaRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the operator API: who may call it, where it reads, and what it records. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorApiProperties.class)
class OperatorApiConfiguration {

  @Bean
  OperatorAuthentication operatorAuthentication(OperatorApiProperties properties) {
    return new OperatorAuthentication(properties);
  }

  @Bean
  OperatorService operatorService(
      JdbcTemplate jdbc,
      SchemaRegistry registry,
      MeterRegistry meters,
      DeliveryProperties delivery) {
    return new OperatorService(
        new JdbcMessageStore(jdbc, delivery.redeliverySchedule().get(0)),
        new AvroPayloadReader(registry),
        meters);
  }
}
