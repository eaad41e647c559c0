package com.paystream.gateway.callbacks.config;

import com.paystream.gateway.callbacks.CallbackMessages;
import com.paystream.gateway.callbacks.CallbackReimport;
import com.paystream.gateway.callbacks.kafka.KafkaCallbackLog;
import com.paystream.gateway.callbacks.persistence.BatchStatements;
import com.paystream.gateway.callbacks.persistence.R2dbcCallbackBatchWriter;
import com.paystream.gateway.outbox.persistence.OutboxWakeup;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The re-import of published callbacks into a restored inbox (README, "After a restore"): off by
 * default, switched on for the first start after the gateway's database was restored to an earlier
 * instant. It runs once, at startup, before the service reports ready (Spring runs application
 * runners before readiness turns to ACCEPTING_TRAFFIC), so a load balancer that follows readiness
 * sends no webhook before the inbox knows every published callback. A failure stops the start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paystream.callback-reimport.enabled", havingValue = "true")
@EnableConfigurationProperties(CallbackReimportConfiguration.ReimportProperties.class)
public class CallbackReimportConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CallbackReimportConfiguration.class);

  /**
   * {@code paystream.callback-reimport.*}.
   *
   * @param since read from the first record published at or after this instant (the restore point
   *     minus a margin for clock skew between hosts); unset: from the beginning of the topic
   * @param batchSize callbacks per transaction
   * @param stallTimeout how long reading may make no progress before the start fails
   */
  @ConfigurationProperties("paystream.callback-reimport")
  public record ReimportProperties(
      @DefaultValue("false") boolean enabled,
      Instant since,
      @DefaultValue("500") int batchSize,
      @DefaultValue("60s") Duration stallTimeout) {}

  @Bean
  ApplicationRunner callbackReimportRunner(
      ReimportProperties properties,
      KafkaProperties kafka,
      SchemaRegistry registry,
      @Value("${" + TopicNames.PREFIX_PROPERTY + ":}") String topicPrefix,
      BatchStatements statements,
      CallbackMessages messages,
      ReactiveTransactionManager transactionManager,
      Clock clock,
      OutboxWakeup wakeup) {
    return args -> {
      R2dbcCallbackBatchWriter writer =
          new R2dbcCallbackBatchWriter(
              statements,
              messages,
              TransactionalOperator.create(transactionManager),
              clock,
              wakeup);
      KafkaCallbackLog callbacks =
          KafkaCallbackLog.open(
              new KafkaConsumer<>(
                  consumerConfig(kafka, properties),
                  new ByteArrayDeserializer(),
                  new ByteArrayDeserializer()),
              new TopicNames(topicPrefix).of(Topics.PAYMENT_CALLBACKS),
              registry,
              Optional.ofNullable(properties.since()),
              properties.stallTimeout());
      log.atInfo()
          .addKeyValue("since", properties.since() == null ? "beginning" : properties.since())
          .log("re-importing published callbacks into the inbox");
      CallbackReimport.Result result =
          new CallbackReimport(writer, Duration.ofMinutes(5)).run(callbacks);
      log.atInfo()
          .addKeyValue("read", result.read())
          .addKeyValue("reimported", result.reimported())
          .addKeyValue("unreadable", result.unreadable())
          .log(
              "callback re-import finished: {} read, {} re-imported, {} unreadable",
              result.read(),
              result.reimported(),
              result.unreadable());
    };
  }

  /** The service's Kafka client settings (security included), read-only and without a group. */
  private static Map<String, Object> consumerConfig(
      KafkaProperties kafka, ReimportProperties properties) {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batchSize());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "payment-gateway-svc-callback-reimport");
    return config;
  }
}
