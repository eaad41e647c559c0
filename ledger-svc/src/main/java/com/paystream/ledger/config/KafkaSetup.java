package com.paystream.ledger.config;

import com.paystream.ledger.booking.Fenced;
import com.paystream.ledger.publishing.LedgerTopics;
import com.paystream.schemas.topics.KafkaConnection;
import com.paystream.schemas.topics.TopicCatalogue;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** Topics created from the schemas catalogue at startup, and the listener's retry policy. */
@Configuration(proxyBeanMethods = false)
public class KafkaSetup {

  /**
   * Runs before the listener container starts (it is an ordinary bean, containers start with the
   * context's lifecycle), so the ledger never consumes from or publishes to an auto-created topic.
   */
  @Bean
  InitializingBean ledgerTopicsCreated(
      TopicProperties topics, LedgerTopics ledgerTopics, KafkaProperties kafka) {
    return () -> {
      if (!topics.create()) {
        return;
      }
      TopicCatalogue.ensureCreated(
          KafkaConnection.of(kafka.buildAdminProperties()),
          topics.replicationFactor(),
          ledgerTopics.owned());
    };
  }

  /**
   * Transient failures (database down, broker hiccup) retry the batch, blocking and in order, with
   * an exponential backoff capped at {@code maxInterval} and no attempt limit: giving up would mean
   * skipping callbacks, so no exception is classified as not retryable either. Records that can
   * never apply do not get here; they are dead-lettered in band by the listener.
   *
   * <p>The listener reports a failure as a {@link
   * org.springframework.kafka.listener.BatchListenerFailedException} at the batch's first record:
   * the handler commits nothing, seeks every partition of the batch back and the consumer polls
   * again after the backoff. Spring's fallback for other exceptions would instead pause the
   * consumer and call the listener again with the same records, even after a rebalance took some of
   * their partitions away or sought them elsewhere. A {@link Fenced} batch polls again at once. The
   * listener logs every failure itself, so the handler's own logs are kept at DEBUG.
   */
  @Bean
  CommonErrorHandler ledgerErrorHandler(LedgerProperties properties) {
    ExponentialBackOff backOff =
        new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
    backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
    handler.setClassifications(Map.of(), true);
    handler.setBackOffFunction(
        (record, failure) -> causedByFence(failure) ? new FixedBackOff(0, Long.MAX_VALUE) : null);
    handler.setResetStateOnExceptionChange(true);
    handler.setLogLevel(KafkaException.Level.DEBUG);
    return handler;
  }

  private static boolean causedByFence(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof Fenced) {
        return true;
      }
    }
    return false;
  }
}
