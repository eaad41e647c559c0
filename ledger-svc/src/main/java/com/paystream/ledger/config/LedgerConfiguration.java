package com.paystream.ledger.config;

import com.paystream.ledger.accounts.persistence.AccountQueries;
import com.paystream.ledger.booking.BatchPlanner;
import com.paystream.ledger.booking.BookingService;
import com.paystream.ledger.booking.kafka.PaymentTopicsListener;
import com.paystream.ledger.booking.kafka.ResumeFromDatabase;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.dayclose.DayCloseService;
import com.paystream.ledger.dayclose.persistence.DayCloseStore;
import com.paystream.ledger.holds.HoldService;
import com.paystream.ledger.holds.persistence.HoldStore;
import com.paystream.ledger.journal.persistence.JournalQueries;
import com.paystream.ledger.payments.PostingRules;
import com.paystream.ledger.publishing.BundleFanOutProducer;
import com.paystream.ledger.publishing.LedgerEventComposer;
import com.paystream.ledger.publishing.LedgerTopics;
import com.paystream.ledger.publishing.OutboxMetrics;
import com.paystream.ledger.publishing.OutboxRelay;
import com.paystream.ledger.sealing.JournalVerifier;
import com.paystream.ledger.sealing.SealKeys;
import com.paystream.ledger.sealing.persistence.SealStore;
import com.paystream.platform.outbox.OutboxPublisher;
import com.paystream.platform.outbox.PublishTracing;
import com.paystream.platform.outbox.ReliableProducer;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.schemas.topics.KafkaConnection;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger's beans: posting rules, booking, publishing and the callbacks listener. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LedgerProperties.class, TopicProperties.class})
public class LedgerConfiguration {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(LedgerConfiguration.class);

  /** The service's traces; without a tracer (a context that has none), nothing is traced. */
  private static Traces traces(ObjectProvider<Traces> traces) {
    return traces.getIfAvailable(() -> new Traces(Tracer.NOOP));
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  LedgerTopics ledgerTopics(TopicProperties topics) {
    return new LedgerTopics(new TopicNames(topics.prefix()));
  }

  @Bean
  BusinessCalendar businessCalendar(LedgerProperties properties) {
    return properties.calendar().businessCalendar();
  }

  @Bean
  PostingRules postingRules(LedgerProperties properties) {
    return new PostingRules(properties.fees().policy());
  }

  /** The pinned registry unless {@code paystream.schema-registry.url} names a real one. */
  @Bean
  SchemaRegistry schemaRegistry(@Value("${paystream.schema-registry.url:}") String url) {
    return AvroSerdeConfig.registry(Map.of(AvroSerdeConfig.REGISTRY_URL, url));
  }

  @Bean
  LedgerEventComposer ledgerEventComposer(
      LedgerTopics topics, TopicProperties properties, SchemaRegistry registry) {
    AvroSerializer<SpecificRecord> serializer =
        new AvroSerializer<>(registry, SubjectNameStrategy.topicName(properties.prefix()));
    return new LedgerEventComposer(topics, serializer);
  }

  @Bean
  JdbcBookingStore jdbcBookingStore(JdbcTemplate jdbc) {
    return new JdbcBookingStore(jdbc);
  }

  @Bean
  BookingService bookingService(
      PlatformTransactionManager transactionManager,
      JdbcBookingStore store,
      PostingRules rules,
      LedgerEventComposer composer,
      BusinessCalendar calendar,
      Clock clock,
      MeterRegistry meters,
      LedgerProperties properties) {
    return new BookingService(
        new TransactionTemplate(transactionManager),
        store,
        new BatchPlanner(rules),
        composer,
        calendar,
        clock,
        meters,
        properties.fence().idleInTransactionTimeout());
  }

  @Bean
  JournalQueries journalQueries(JdbcClient jdbc) {
    return new JournalQueries(jdbc);
  }

  /**
   * Ships the outbox: a producer with acks=all and idempotence (the platform's reliable settings)
   * and the platform publisher, which claims committed rows in order and marks them published.
   */
  @Bean
  @ConditionalOnProperty(
      name = "paystream.ledger.outbox.enabled",
      havingValue = "true",
      matchIfMissing = true)
  OutboxRelay outboxRelay(
      DataSource dataSource,
      LedgerProperties properties,
      MeterRegistry meters,
      KafkaProperties kafka,
      ObjectProvider<Traces> traces) {
    LedgerProperties.Outbox outbox = properties.outbox();
    // A producer span per published record, a child of the span that booked it: for a plain row
    // the publisher opens it, for the records of a bundle row (many traces in one row) the fan-out.
    PublishTracing tracing = traces(traces).publications("ledger publish");
    // Bundle rows (several outbox messages in one row) are fanned out into their records here.
    Producer<String, byte[]> producer =
        new BundleFanOutProducer(
            ReliableProducer.create(
                KafkaConnection.of(kafka.buildAdminProperties()), "ledger-svc-outbox"),
            tracing);
    OutboxPublisher publisher =
        OutboxPublisher.publishOnce(
            dataSource,
            producer,
            new OutboxMetrics(meters),
            tracing,
            new OutboxPublisher.Settings(
                "ledger", outbox.batchSize(), outbox.pollInterval(), outbox.errorBackoff()));
    return new OutboxRelay(publisher, producer);
  }

  @Bean
  AccountQueries accountQueries(JdbcClient jdbc) {
    return new AccountQueries(jdbc);
  }

  @Bean
  DayCloseService dayCloseService(
      PlatformTransactionManager transactionManager,
      JdbcClient jdbc,
      BusinessCalendar calendar,
      Clock clock,
      MeterRegistry meters,
      LedgerProperties properties,
      SealStore sealStore,
      SealKeys sealKeys,
      LedgerEventComposer composer,
      JdbcBookingStore store) {
    return new DayCloseService(
        new TransactionTemplate(transactionManager),
        new DayCloseStore(jdbc),
        calendar,
        clock,
        meters,
        properties.dayClose().allowEarly(),
        new DayCloseService.Sealing(sealStore, sealKeys, composer, store));
  }

  /** The seal keys; see {@link LedgerProperties.Seal}. The private key is never logged. */
  @Bean
  SealKeys sealKeys(LedgerProperties properties) throws java.io.IOException {
    LedgerProperties.Seal seal = properties.seal();
    String privateKey = seal.privateKey();
    if ((privateKey == null || privateKey.isBlank())
        && seal.privateKeyFile() != null
        && !seal.privateKeyFile().isBlank()) {
      privateKey = java.nio.file.Files.readString(java.nio.file.Path.of(seal.privateKeyFile()));
    }
    List<String> publicKeys = seal.publicKeys() == null ? List.of() : seal.publicKeys();
    if ((privateKey == null || privateKey.isBlank()) && publicKeys.isEmpty()) {
      SealKeys generated = SealKeys.generated();
      log.atWarn()
          .addKeyValue("keyId", generated.signingKeyId())
          .log(
              "no seal key configured (paystream.ledger.seal.private-key-file, public-keys):"
                  + " using a key generated for this run; its seals cannot be verified after a"
                  + " restart");
      return generated;
    }
    SealKeys keys = SealKeys.of(privateKey, publicKeys);
    log.atInfo().addKeyValue("seal", keys.toString()).log("seal keys loaded");
    return keys;
  }

  @Bean
  SealStore sealStore(JdbcTemplate jdbc) {
    return new SealStore(jdbc);
  }

  @Bean
  JournalVerifier journalVerifier(SealStore store, SealKeys keys) {
    return new JournalVerifier(store, keys);
  }

  @Bean
  HoldService holdService(
      PlatformTransactionManager transactionManager,
      JdbcClient jdbc,
      JdbcBookingStore store,
      LedgerEventComposer composer,
      BusinessCalendar calendar,
      Clock clock,
      ObjectProvider<Traces> traces) {
    // A capture is booked in the trace of its HTTP request (the server span, or the approval's).
    return new HoldService(
        new TransactionTemplate(transactionManager),
        new HoldStore(jdbc),
        store,
        composer,
        calendar,
        clock,
        traces(traces)::current);
  }

  /** Boot's listener container factory applies it to both listeners: see its comment. */
  @Bean
  ResumeFromDatabase resumeFromDatabase(BookingService booking) {
    return new ResumeFromDatabase(booking);
  }

  @Bean
  PaymentTopicsListener paymentTopicsListener(
      SchemaRegistry registry, BookingService booking, ObjectProvider<Traces> traces) {
    return new PaymentTopicsListener(registry, booking, traces(traces));
  }
}
