package com.paystream.relay.audit.web;

import com.paystream.relay.audit.AuditTrail;
import com.paystream.security.RefusalAudit;

/**
 * The security layer's 401 and 403 refusals of state-changing calls, recorded with what was tried.
 */
public final class RefusalRecorder implements RefusalAudit {

  private final AuditTrail trail;

  public RefusalRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void refused(Refusal refusal) {
    // Reads are not audited, refused or not; every other refused call is.
    if (refusal.method().equals("GET") || refusal.method().equals("HEAD")) {
      return;
    }
    trail.refusedBySecurity(
        refusal.method(), refusal.path(), refusal.actor(), refusal.status(), refusal.reason());
  }
}
