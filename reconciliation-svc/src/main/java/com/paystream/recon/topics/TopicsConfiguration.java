package com.paystream.recon.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the topics at startup through Spring's {@link KafkaAdmin}, before the topology starts
 * (Kafka Streams refuses to start on a missing source topic); never left to auto-creation.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconTopics.class)
class TopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics reconTopicsCreated(
      ReconTopics topics, @Value("${paystream.kafka.replication-factor:1}") short replication) {
    return new KafkaAdmin.NewTopics(
        topics.used().stream().map(t -> t.newTopic(replication)).toArray(NewTopic[]::new));
  }
}
