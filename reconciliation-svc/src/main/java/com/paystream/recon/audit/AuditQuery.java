package com.paystream.recon.audit;

import com.paystream.platform.audit.AuditOutcome;
import java.time.Instant;
import java.util.Optional;

/**
 * Which audit records an auditor asks for; every filter is optional. {@code beforeSeq} continues a
 * page (records older than the last one shown).
 */
public record AuditQuery(
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> actor,
    Optional<String> action,
    Optional<String> target,
    Optional<AuditOutcome> outcome,
    int limit,
    Optional<Long> beforeSeq) {

  public static final int MAX_LIMIT = 500;

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT);
    }
  }
}
