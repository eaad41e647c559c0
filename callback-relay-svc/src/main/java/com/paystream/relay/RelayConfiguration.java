package com.paystream.relay;

import com.paystream.platform.outbox.OutboxPublisher;
import com.paystream.platform.outbox.ReliableProducer;
import com.paystream.relay.confirmation.ConfirmationListener;
import com.paystream.relay.confirmation.Confirmations;
import com.paystream.relay.delivery.Backlog;
import com.paystream.relay.delivery.DeliveryProperties;
import com.paystream.relay.delivery.ExhaustedDeadLetters;
import com.paystream.relay.delivery.RelayMetrics;
import com.paystream.relay.delivery.RelayPublisher;
import com.paystream.relay.delivery.RelayTopics;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the relay: the publisher with its re-delivery schedule, and the confirmations. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeliveryProperties.class, RelayTopics.class})
@EnableScheduling
class RelayConfiguration {

  private static final String CLIENT_ID = "callback-relay-svc";

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SchemaRegistry schemaRegistry(@Value("${paystream.schema.registry.url:}") String url) {
    return AvroSerdeConfig.registry(Map.of(AvroSerdeConfig.REGISTRY_URL, url));
  }

  /** Created by Spring's KafkaAdmin before any listener starts; never left to auto-creation. */
  @Bean
  KafkaAdmin.NewTopics relayTopicsCreated(
      RelayTopics topics, @Value("${paystream.kafka.replication-factor:1}") short replication) {
    return new KafkaAdmin.NewTopics(
        topics.used().stream().map(t -> t.newTopic(replication)).toArray(NewTopic[]::new));
  }

  @Bean(destroyMethod = "close")
  Producer<String, byte[]> relayProducer(KafkaProperties kafka) {
    return ReliableProducer.create(String.join(",", kafka.getBootstrapServers()), CLIENT_ID);
  }

  @Bean
  RelayMetrics relayMetrics(MeterRegistry registry, Clock clock) {
    return new RelayMetrics(registry, clock);
  }

  @Bean
  Backlog backlog(JdbcTemplate jdbc, MeterRegistry registry) {
    return new Backlog(jdbc, registry);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  OutboxPublisher relayPublisher(
      DataSource dataSource,
      Producer<String, byte[]> relayProducer,
      DeliveryProperties delivery,
      RelayTopics topics,
      SchemaRegistry registry,
      RelayMetrics metrics,
      Clock clock) {
    var serializer =
        new AvroSerializer<DeadLetter>(registry, SubjectNameStrategy.topicName(topics.prefix()));
    return RelayPublisher.create(
        dataSource,
        relayProducer,
        new ExhaustedDeadLetters(topics.deadLetters(), serializer, clock),
        metrics,
        new OutboxPublisher.Settings(
            CLIENT_ID, delivery.batchSize(), delivery.pollInterval(), delivery.pollInterval()),
        delivery.redeliverySchedule());
  }

  @Bean
  Confirmations confirmations(JdbcTemplate jdbc) {
    return new Confirmations(jdbc);
  }

  @Bean
  ConfirmationListener confirmationListener(
      Confirmations confirmations,
      RelayTopics topics,
      SchemaRegistry registry,
      MeterRegistry meters) {
    return new ConfirmationListener(
        topics.prefix() + "relay-confirmations",
        confirmations,
        topics.ledgerEntries(),
        topics.deadLetters(),
        new AvroDeserializer<>(registry, LedgerEntryEvent.class),
        new AvroDeserializer<>(registry, DeadLetter.class),
        meters);
  }
}
