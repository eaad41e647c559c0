package com.paystream.gateway.audit.config;

import com.paystream.gateway.audit.kafka.AvroAuditEvents;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.schemas.topics.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the audit trail's event encoding for audit.events.v1 (under the topic prefix). */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

  @Bean
  AvroAuditEvents auditEvents(
      SchemaRegistry registry,
      @Value("${" + TopicNames.PREFIX_PROPERTY + ":}") String topicPrefix) {
    return new AvroAuditEvents(new TopicNames(topicPrefix).of(Topics.AUDIT_EVENTS), registry);
  }
}
