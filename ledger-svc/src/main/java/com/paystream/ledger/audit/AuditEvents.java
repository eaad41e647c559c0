package com.paystream.ledger.audit;

import com.paystream.ledger.booking.OutboxMessage;
import com.paystream.platform.audit.AuditRecord;

/** Turns an audit record into its {@code audit.events.v1} record (key: the target). */
public interface AuditEvents {

  OutboxMessage compose(AuditRecord record);
}
