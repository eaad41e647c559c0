package com.paystream.ledger.audit;

import com.paystream.platform.audit.AuditRecord;
import java.util.List;
import java.util.Optional;

/** A page of audit records, newest first, and where the next page starts (none: the last page). */
public record AuditPage(List<AuditRecord> items, Optional<AuditQuery.Position> next) {

  public AuditPage {
    items = List.copyOf(items);
  }
}
