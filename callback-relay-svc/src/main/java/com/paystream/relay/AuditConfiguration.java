package com.paystream.relay;

import com.paystream.platform.outbox.OutboxPublisher;
import com.paystream.relay.audit.AuditTrail;
import com.paystream.relay.audit.kafka.AuditEvents;
import com.paystream.relay.audit.persistence.AuditOutboxClaims;
import com.paystream.relay.audit.persistence.JdbcAuditStore;
import com.paystream.relay.audit.web.ActorCaptureFilter;
import com.paystream.relay.audit.web.AuditRequestFilter;
import com.paystream.relay.audit.web.FailureCapture;
import com.paystream.relay.audit.web.RefusalRecorder;
import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.schemas.topics.Topics;
import com.paystream.security.RefusalAudit;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the audit trail: the store, its outbox in schema relay with the platform's publisher (on
 * the relay's producer), the request filters around the security layer, and the refusal audit.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  /** Before the security filter chain (order -100), so that its refusals carry the request id. */
  private static final int BEFORE_SECURITY = -200;

  @Bean
  AuditTrail auditTrail(
      JdbcTemplate jdbc,
      TopicNames topics,
      SchemaRegistry registry,
      TransactionTemplate transactions,
      Clock clock) {
    var topic = topics.of(Topics.AUDIT_EVENTS);
    var events =
        new AuditEvents(
            topic,
            new AvroSerializer<AuditEvent>(
                registry, SubjectNameStrategy.fixed(topic.valueSubject())));
    return new AuditTrail(new JdbcAuditStore(jdbc, events), transactions, clock);
  }

  /** Ships {@code relay.audit_outbox} once per row (acks=all), woken by the outbox channel. */
  @Bean(initMethod = "start", destroyMethod = "close")
  OutboxPublisher auditPublisher(
      DataSource dataSource,
      Producer<String, byte[]> relayProducer,
      @Value("${paystream.relay.audit-poll-interval:1s}") Duration pollInterval) {
    return OutboxPublisher.builder(
            dataSource,
            relayProducer,
            new OutboxPublisher.Settings("relay-audit", 500, pollInterval, Duration.ofSeconds(1)))
        .claims(new AuditOutboxClaims(), Duration.ZERO)
        .build();
  }

  @Bean
  RefusalAudit refusalAudit(AuditTrail trail) {
    return new RefusalRecorder(trail);
  }

  @Bean
  FilterRegistrationBean<AuditRequestFilter> auditRequestFilter(AuditTrail trail) {
    var registration = new FilterRegistrationBean<>(new AuditRequestFilter(trail));
    registration.setOrder(BEFORE_SECURITY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ActorCaptureFilter> actorCaptureFilter() {
    return new FilterRegistrationBean<>(new ActorCaptureFilter());
  }

  @Bean
  FailureCapture auditFailureCapture() {
    return new FailureCapture();
  }
}
