package com.paystream.gateway.audit;

import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.platform.audit.AuditRecord;

/** The port to {@code audit.events.v1}'s encoding: a record as the outbox message publishing it. */
public interface AuditEvents {

  /** Message id = audit id, key = target; {@code spanId} is the span that recorded it, or empty. */
  OutboxMessage message(AuditRecord record, String spanId);
}
