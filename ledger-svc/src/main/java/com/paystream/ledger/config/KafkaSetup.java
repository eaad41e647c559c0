package com.paystream.ledger.config;

import com.paystream.ledger.publishing.LedgerTopics;
import com.paystream.schemas.topics.TopicCatalogue;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** Topics created from the schemas catalogue at startup, and the listener's retry policy. */
@Configuration(proxyBeanMethods = false)
public class KafkaSetup {

  /**
   * Runs before the listener container starts (it is an ordinary bean, containers start with the
   * context's lifecycle), so the ledger never consumes from or publishes to an auto-created topic.
   */
  @Bean
  InitializingBean ledgerTopicsCreated(
      TopicProperties topics,
      LedgerTopics ledgerTopics,
      @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
    return () -> {
      if (!topics.create()) {
        return;
      }
      TopicCatalogue.ensureCreated(
          bootstrapServers, topics.replicationFactor(), ledgerTopics.owned());
    };
  }

  /**
   * Transient failures (database down, broker hiccup) retry the same batch, blocking and in order,
   * with an exponential backoff capped at {@code maxInterval} and no attempt limit: giving up would
   * mean skipping callbacks. Records that can never apply do not get here; they are dead-lettered
   * in band by the listener.
   */
  @Bean
  CommonErrorHandler ledgerErrorHandler(LedgerProperties properties) {
    ExponentialBackOff backOff =
        new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
    backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    return new DefaultErrorHandler(backOff);
  }
}
