package com.paystream.gateway.commands.config;

import com.paystream.gateway.commands.kafka.PaymentCommandEnvelope;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.schemas.topics.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's command topic, payments.commands.v1, shared by the features that write to it. */
@Configuration(proxyBeanMethods = false)
public class CommandsConfiguration {

  @Bean
  PaymentCommandEnvelope paymentCommandEnvelope(
      SchemaRegistry registry,
      @Value("${" + TopicNames.PREFIX_PROPERTY + ":}") String topicPrefix) {
    return new PaymentCommandEnvelope(
        new TopicNames(topicPrefix).of(Topics.PAYMENT_COMMANDS), registry);
  }
}
