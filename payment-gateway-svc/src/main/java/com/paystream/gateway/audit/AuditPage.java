package com.paystream.gateway.audit;

import com.paystream.platform.audit.AuditRecord;
import java.util.List;
import java.util.Optional;

/** One page of the audit trail, newest first, and where the next page starts (if there is one). */
public record AuditPage(List<AuditRecord> items, Optional<AuditQuery.Position> next) {}
