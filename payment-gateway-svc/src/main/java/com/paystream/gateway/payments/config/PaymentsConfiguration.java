package com.paystream.gateway.payments.config;

import com.paystream.gateway.payments.kafka.PaymentCommandMessages;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payments feature's Kafka contract: commands on payments.commands.v1. */
@Configuration(proxyBeanMethods = false)
public class PaymentsConfiguration {

  @Bean
  PaymentCommandMessages paymentCommandMessages(
      SchemaRegistry registry, @Value("${paystream.topics.prefix:}") String topicPrefix) {
    return new PaymentCommandMessages(Topics.PAYMENT_COMMANDS.withPrefix(topicPrefix), registry);
  }
}
