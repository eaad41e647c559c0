package com.paystream.relay;

import com.paystream.platform.outbox.OutboxPublisher;
import com.paystream.platform.outbox.ReliableProducer;
import com.paystream.relay.confirmation.ConfirmationListener;
import com.paystream.relay.confirmation.Confirmations;
import com.paystream.relay.delivery.Backlog;
import com.paystream.relay.delivery.DeliveryProperties;
import com.paystream.relay.delivery.ExhaustedDeadLetters;
import com.paystream.relay.delivery.PublicationTrail;
import com.paystream.relay.delivery.RelayMetrics;
import com.paystream.relay.delivery.RelayPublisher;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.schemas.topics.KafkaConnection;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.TopicCatalogue;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.schemas.topics.Topics;
import com.paystream.tracing.Traces;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the relay: the publisher with its re-delivery schedule, and the confirmations. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
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

  /** The catalogue topics the relay writes or reads. */
  static List<Topic<?>> used(TopicNames names) {
    return names.all(
        List.of(
            Topics.PAYMENT_CALLBACKS,
            Topics.PAYMENT_COMMANDS,
            Topics.PAYMENT_CALLBACKS_DLT,
            Topics.LEDGER_ENTRIES,
            Topics.AUDIT_EVENTS));
  }

  /**
   * The topic names under {@code paystream.topics.prefix}; the missing topics are created with the
   * catalogue's settings before any publisher or listener that needs the names is built, never left
   * to auto-creation.
   */
  @Bean
  TopicNames topicNames(
      @Value("${" + TopicNames.PREFIX_PROPERTY + ":}") String prefix,
      @Value("${paystream.topics.replication-factor:1}") short replication,
      KafkaProperties kafka) {
    TopicNames names = new TopicNames(prefix);
    TopicCatalogue.ensureCreated(
        KafkaConnection.of(kafka.buildAdminProperties()), replication, used(names));
    return names;
  }

  @Bean(destroyMethod = "close")
  Producer<String, byte[]> relayProducer(KafkaProperties kafka) {
    return ReliableProducer.create(KafkaConnection.of(kafka.buildAdminProperties()), CLIENT_ID);
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
      TopicNames topics,
      SchemaRegistry registry,
      RelayMetrics metrics,
      MeterRegistry meters,
      Clock clock,
      ObjectProvider<Traces> traces,
      ObjectProvider<Tracer> tracer) {
    var serializer =
        new AvroSerializer<DeadLetter>(registry, SubjectNameStrategy.topicName(topics.prefix()));
    String deadLetters = topics.name(Topics.PAYMENT_CALLBACKS_DLT);
    OutboxPublisher publisher =
        RelayPublisher.create(
            dataSource,
            relayProducer,
            new ExhaustedDeadLetters(deadLetters, serializer, clock),
            metrics,
            new PublicationTrail(
                traces.getIfAvailable(() -> new Traces(Tracer.NOOP)).publications("relay publish"),
                tracer.getIfAvailable(() -> Tracer.NOOP)),
            new OutboxPublisher.Settings(
                CLIENT_ID, delivery.batchSize(), delivery.pollInterval(), delivery.pollInterval()),
            delivery.redeliverySchedule());
    // With several instances, the one publishing: the others stand by.
    Gauge.builder("relay.leader", publisher, p -> p.leading() ? 1 : 0)
        .description("1 on the instance that holds the leader lock and publishes, 0 on a standby")
        .register(meters);
    return publisher;
  }

  @Bean
  Confirmations confirmations(JdbcTemplate jdbc) {
    return new Confirmations(jdbc);
  }

  @Bean
  ConfirmationListener confirmationListener(
      Confirmations confirmations,
      TopicNames topics,
      SchemaRegistry registry,
      MeterRegistry meters) {
    return new ConfirmationListener(
        topics.prefix() + "relay-confirmations",
        confirmations,
        topics.name(Topics.LEDGER_ENTRIES),
        topics.name(Topics.PAYMENT_CALLBACKS_DLT),
        new AvroDeserializer<>(registry, LedgerEntryEvent.class),
        new AvroDeserializer<>(registry, DeadLetter.class),
        meters);
  }
}
