package com.paystream.recon.topics;

import com.paystream.schemas.topics.KafkaConnection;
import com.paystream.schemas.topics.TopicCatalogue;
import com.paystream.schemas.topics.TopicNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the topics under {@code paystream.topics.prefix} and creates the missing ones with the
 * catalogue's settings ({@link TopicCatalogue}) before anything that uses them is built: every
 * reader and writer of a topic depends on {@link ReconTopics}, and Kafka Streams refuses to start
 * on a missing source topic. Never left to auto-creation.
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

  @Bean
  ReconTopics reconTopics(
      @Value("${" + TopicNames.PREFIX_PROPERTY + ":}") String prefix,
      @Value("${paystream.topics.replication-factor:1}") short replication,
      KafkaProperties kafka) {
    ReconTopics topics = new ReconTopics(prefix);
    TopicCatalogue.ensureCreated(
        KafkaConnection.of(kafka.buildAdminProperties()), replication, topics.used());
    return topics;
  }
}
