package com.paystream.ledger.config;

import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.publishing.LedgerEventComposer;
import com.paystream.ledger.settlement.ProviderSettlementService;
import com.paystream.ledger.settlement.kafka.ProviderSettlementListener;
import com.paystream.ledger.settlement.persistence.SettlementStore;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Provider settlement (issue 19): the service that books payouts and its listener. */
@Configuration(proxyBeanMethods = false)
public class SettlementConfiguration {

  @Bean
  ProviderSettlementService providerSettlementService(
      PlatformTransactionManager transactionManager,
      JdbcBookingStore store,
      JdbcTemplate jdbc,
      LedgerEventComposer composer,
      BusinessCalendar calendar,
      Clock clock,
      MeterRegistry meters) {
    return new ProviderSettlementService(
        new TransactionTemplate(transactionManager),
        store,
        new SettlementStore(jdbc),
        composer,
        calendar,
        clock,
        meters);
  }

  @Bean
  ProviderSettlementListener providerSettlementListener(
      SchemaRegistry registry, ProviderSettlementService service, ObjectProvider<Traces> traces) {
    return new ProviderSettlementListener(
        registry, service, traces.getIfAvailable(() -> new Traces(Tracer.NOOP)));
  }

  /**
   * The settlement listener's own containers: one record at a time, its offset committed after the
   * listener returned (after the database commit), the ledger's retry policy (blocking, in order,
   * no attempt limit). Not Boot's factory, which applies the payments' {@code ResumeFromDatabase}
   * (it takes partition ownership for the booking pipeline's fencing); this group resumes from the
   * positions of its own rows in {@code processed_event} ({@link ResumeFromRecorded}), so a
   * restored database books again what came after its restore point.
   */
  @Bean
  ConcurrentKafkaListenerContainerFactory<Object, Object> settlementListenerContainerFactory(
      ConsumerFactory<Object, Object> consumerFactory,
      CommonErrorHandler ledgerErrorHandler,
      JdbcBookingStore books) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(consumerFactory);
    factory.setBatchListener(false);
    factory.setConcurrency(1);
    factory.setCommonErrorHandler(ledgerErrorHandler);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
    factory
        .getContainerProperties()
        .setConsumerRebalanceListener(
            new ResumeFromRecorded("provider settlements", books::nextOffsets));
    return factory;
  }
}
