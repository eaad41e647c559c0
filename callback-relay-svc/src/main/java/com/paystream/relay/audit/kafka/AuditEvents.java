package com.paystream.relay.audit.kafka;

import com.paystream.platform.audit.AuditRecord;
import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.audit.AuditOutcome;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.topics.Topic;

/** Encodes an audit record as the AuditEvent of {@code audit.events.v1} (Confluent framing). */
public final class AuditEvents {

  private final Topic<AuditEvent> topic;
  private final AvroSerializer<AuditEvent> serializer;

  public AuditEvents(Topic<AuditEvent> topic, AvroSerializer<AuditEvent> serializer) {
    this.topic = topic;
    this.serializer = serializer;
  }

  public String topicName() {
    return topic.name();
  }

  public byte[] encode(AuditRecord record) {
    return serializer.serialize(topic.name(), of(record));
  }

  public static AuditEvent of(AuditRecord record) {
    return AuditEvent.newBuilder()
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
  }
}
