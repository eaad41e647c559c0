package com.paystream.relay.audit;

import com.paystream.platform.audit.AuditRecord;

/** Where audit records are kept and published; an append joins the caller's transaction. */
public interface AuditStore {

  /** Appends the record and the outbox row that publishes it as an AuditEvent. */
  void append(AuditRecord record);

  /** The page of records the query asks for, newest first. */
  AuditPage find(AuditQuery query);
}
