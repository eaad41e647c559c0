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
    java.util.List<NewTopic> created = new java.util.ArrayList<>();
    topics.used().forEach(t -> created.add(t.newTopic(replication)));
    // Reports are recomputable from the stores, so they expire like the results (400 days).
    created.add(
        new NewTopic(
                topics.reports(),
                com.paystream.schemas.topics.Topic.DEFAULT_PARTITIONS,
                replication)
            .configs(
                java.util.Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", String.valueOf(java.time.Duration.ofDays(400).toMillis()),
                    "retention.bytes", "-1")));
    return new KafkaAdmin.NewTopics(created.toArray(NewTopic[]::new));
  }
}
