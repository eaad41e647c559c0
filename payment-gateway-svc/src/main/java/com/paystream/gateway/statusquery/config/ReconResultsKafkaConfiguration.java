package com.paystream.gateway.statusquery.config;

import com.paystream.gateway.statusquery.LostOrders;
import com.paystream.gateway.statusquery.StatusQueryMetrics;
import com.paystream.gateway.statusquery.kafka.ReconResultsListener;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.schemas.topics.Topics;
import com.paystream.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The {@code recon.results.v1} consumer, on when {@code spring.kafka.bootstrap-servers} is set and
 * {@code paystream.status-queries.recon-results.enabled} is not false. The topic belongs to
 * reconciliation-svc, which creates it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
    "'${spring.kafka.bootstrap-servers:}' != ''"
        + " and ${paystream.status-queries.recon-results.enabled:true}")
public class ReconResultsKafkaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ReconResultsKafkaConfiguration.class);

  @Bean
  String reconResultsTopicName(@Value("${" + TopicNames.PREFIX_PROPERTY + ":}") String prefix) {
    return new TopicNames(prefix).name(Topics.RECON_RESULTS);
  }

  /**
   * Offsets are committed per record after the listener returned, i.e. after the trigger is
   * durable. A failure there (database down) is retried in place with a bounded backoff, then the
   * record is skipped with a log line: the schedule still asks about every open payment, so a
   * skipped trigger delays a recovery but never loses it, and the consumer never sticks.
   */
  @Bean
  ConcurrentKafkaListenerContainerFactory<byte[], byte[]> reconResultsContainerFactory(
      KafkaProperties kafka, StatusQueryProperties properties, MeterRegistry meters) {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.reconResults().groupId());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    DefaultKafkaConsumerFactory<byte[], byte[]> consumers =
        new DefaultKafkaConsumerFactory<>(config);
    // The consumer's own metrics, lag per partition among them (Boot binds them only for the
    // consumer factory it builds itself).
    consumers.addListener(new MicrometerConsumerListener<>(meters));
    factory.setConsumerFactory(consumers);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    backOff.setMaxElapsedTime(120_000);
    factory.setCommonErrorHandler(
        new DefaultErrorHandler(
            (record, error) ->
                log.atError()
                    .addKeyValue("topic", record.topic())
                    .addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset())
                    .setCause(error)
                    .log("gave up triggering a status query for a recon result; skipped"),
            backOff));
    return factory;
  }

  @Bean
  ReconResultsListener reconResultsListener(
      SchemaRegistry registry,
      LostOrders lostOrders,
      StatusQueryMetrics metrics,
      ObjectProvider<Traces> traces) {
    return new ReconResultsListener(
        registry, lostOrders, metrics, traces.getIfAvailable(() -> new Traces(Tracer.NOOP)));
  }
}
