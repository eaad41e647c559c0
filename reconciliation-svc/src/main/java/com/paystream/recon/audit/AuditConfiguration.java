package com.paystream.recon.audit;

import com.paystream.recon.audit.kafka.AuditEvents;
import com.paystream.recon.audit.persistence.JdbcAuditStore;
import com.paystream.recon.audit.web.ActorCaptureFilter;
import com.paystream.recon.audit.web.AuditRequestFilter;
import com.paystream.recon.audit.web.FailureCapture;
import com.paystream.recon.audit.web.RefusalRecorder;
import com.paystream.recon.outbox.Outbox;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.security.RefusalAudit;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the audit trail: the store with its outbox, the request filters around the security layer
 * (ids before it, the actor after it), and the security layer's refusal audit.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  /** Before the security filter chain (order -100), so that its refusals carry the request id. */
  private static final int BEFORE_SECURITY = -200;

  @Bean
  AuditTrail auditTrail(
      JdbcTemplate jdbc,
      Outbox outbox,
      ReconTopics topics,
      SchemaRegistry registry,
      TransactionTemplate transactions,
      Clock clock) {
    var topic = topics.auditEvents();
    var events =
        new AuditEvents(
            topic,
            new AvroSerializer<AuditEvent>(
                registry, SubjectNameStrategy.fixed(topic.valueSubject())));
    return new AuditTrail(new JdbcAuditStore(jdbc, outbox, events), transactions, clock);
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
