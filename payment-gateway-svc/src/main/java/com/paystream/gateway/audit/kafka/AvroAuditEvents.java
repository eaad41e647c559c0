package com.paystream.gateway.audit.kafka;

import com.paystream.gateway.audit.AuditEvents;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.platform.audit.AuditRecord;
import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.audit.AuditOutcome;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.Topic;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An audit record as the {@code AuditEvent} on audit.events.v1: Confluent wire format, key = the
 * target (the acts on one target stay in order), message id = audit id (consumers deduplicate on
 * it).
 */
public final class AvroAuditEvents implements AuditEvents {

  private final Topic<AuditEvent> topic;
  private final Serializer<AuditEvent> serializer;

  public AvroAuditEvents(Topic<AuditEvent> topic, SchemaRegistry registry) {
    this.topic = topic;
    this.serializer = topic.valueSerde(registry).serializer();
  }

  @Override
  public OutboxMessage message(AuditRecord record, String spanId) {
    AuditEvent event =
        AuditEvent.newBuilder()
            .setAuditId(record.auditId())
            .setService(record.service())
            .setOccurredAt(record.occurredAt())
            .setActor(record.actor())
            .setRole(record.role())
            .setCredential(record.credential())
            .setAction(record.action())
            .setTarget(record.target())
            .setOutcome(AuditOutcome.valueOf(record.outcome().name()))
            .setReason(record.reason())
            .setRequestId(record.requestId())
            .setTraceId(record.traceId())
            .build();
    return new OutboxMessage(
        record.auditId(),
        topic.name(),
        record.target(),
        serializer.serialize(topic.name(), event),
        record.traceId(),
        spanId);
  }
}
