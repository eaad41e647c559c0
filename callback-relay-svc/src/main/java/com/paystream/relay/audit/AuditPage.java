package com.paystream.relay.audit;

import com.paystream.platform.audit.AuditRecord;
import java.util.List;

/** One page of audit records, newest first; {@code nextSeq} continues it (null at the end). */
public record AuditPage(List<AuditRecord> items, Long nextSeq) {

  public AuditPage {
    items = List.copyOf(items);
  }
}
