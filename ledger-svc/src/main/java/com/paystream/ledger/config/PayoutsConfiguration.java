package com.paystream.ledger.config;

import com.paystream.ledger.approvals.ApprovalService;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.holds.HoldService;
import com.paystream.ledger.payouts.BankDetailsApproval;
import com.paystream.ledger.payouts.BankDetailsService;
import com.paystream.ledger.payouts.PayoutApproval;
import com.paystream.ledger.payouts.PayoutService;
import com.paystream.ledger.payouts.PayoutSettlements;
import com.paystream.ledger.payouts.kafka.MerchantPayoutListener;
import com.paystream.ledger.payouts.kafka.SettlementDeadLetters;
import com.paystream.ledger.payouts.persistence.BankDetailsStore;
import com.paystream.ledger.payouts.persistence.PayoutStore;
import com.paystream.ledger.publishing.LedgerTopics;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.tracing.Traces;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Merchant payouts, their bank details and the bank's answers about them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayoutsProperties.class)
public class PayoutsConfiguration {

  @Bean
  BankDetailsService bankDetailsService(
      PlatformTransactionManager transactionManager,
      JdbcClient jdbc,
      ApprovalService approvals,
      Clock clock) {
    return new BankDetailsService(
        new TransactionTemplate(transactionManager), new BankDetailsStore(jdbc), approvals, clock);
  }

  /** Resolved when an approval is carried out: the service itself needs the approvals. */
  @Bean
  BankDetailsApproval bankDetailsApproval(ObjectProvider<BankDetailsService> details) {
    return new BankDetailsApproval(details::getObject);
  }

  @Bean
  PayoutService payoutService(
      PlatformTransactionManager transactionManager,
      JdbcClient jdbc,
      HoldService holds,
      BankDetailsService bankDetails,
      ApprovalService approvals,
      AuditTrail audit,
      JdbcBookingStore books,
      BusinessCalendar calendar,
      PayoutsProperties properties,
      Clock clock) {
    return new PayoutService(
        new TransactionTemplate(transactionManager),
        new PayoutStore(jdbc),
        holds,
        bankDetails,
        approvals,
        audit,
        books,
        calendar,
        properties.policy(),
        clock);
  }

  @Bean
  PayoutApproval payoutApproval(ObjectProvider<PayoutService> payouts) {
    return new PayoutApproval(payouts::getObject);
  }

  @Bean
  PayoutSettlements payoutSettlements(
      PlatformTransactionManager transactionManager,
      JdbcClient jdbc,
      HoldService holds,
      AuditTrail audit,
      JdbcBookingStore books,
      Clock clock) {
    return new PayoutSettlements(
        new TransactionTemplate(transactionManager),
        new PayoutStore(jdbc),
        holds,
        audit,
        books,
        clock);
  }

  @Bean
  SettlementDeadLetters settlementDeadLetters(
      LedgerTopics topics, TopicProperties properties, SchemaRegistry registry, Clock clock) {
    return new SettlementDeadLetters(
        topics.deadLetters(),
        new AvroSerializer<SpecificRecord>(
            registry, SubjectNameStrategy.topicName(properties.prefix())),
        clock);
  }

  @Bean
  MerchantPayoutListener merchantPayoutListener(
      SchemaRegistry registry,
      PayoutSettlements settlements,
      SettlementDeadLetters deadLetters,
      ObjectProvider<Traces> traces) {
    return new MerchantPayoutListener(
        registry, settlements, deadLetters, traces.getIfAvailable(() -> new Traces(Tracer.NOOP)));
  }

  /**
   * The merchant payouts' container: Boot's consumer settings (bytes decoded in the listener,
   * read-committed, no auto-commit), batches, offsets committed after the listener returned, and
   * the ledger's retry policy; but not the payments listeners' {@code ResumeFromDatabase}, which
   * positions partitions from a journal this group does not write: it resumes from the positions of
   * its own rows in {@code merchant_payout_settlement} ({@link ResumeFromRecorded}), so a restored
   * database applies again what came after its restore point.
   */
  @Bean
  @SuppressWarnings({"unchecked", "rawtypes"})
  ConcurrentKafkaListenerContainerFactory<byte[], byte[]> merchantPayoutsContainerFactory(
      ConsumerFactory<?, ?> consumerFactory,
      CommonErrorHandler ledgerErrorHandler,
      JdbcClient jdbc) {
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory((ConsumerFactory) consumerFactory);
    factory.setBatchListener(true);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
    factory
        .getContainerProperties()
        .setConsumerRebalanceListener(
            new ResumeFromRecorded("merchant payouts", new PayoutStore(jdbc)::nextOffsets));
    factory.setCommonErrorHandler(ledgerErrorHandler);
    return factory;
  }
}
