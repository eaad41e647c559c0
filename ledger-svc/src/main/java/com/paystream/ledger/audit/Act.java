package com.paystream.ledger.audit;

import com.paystream.platform.audit.AuditRecord;
import java.util.Objects;

/**
 * Who acts, and in which request: the principal as audit records name it and the ids that tie the
 * act to its HTTP request and trace.
 *
 * @param actor the principal's label ({@code operator:olga}), or {@code anonymous}
 * @param role its role, or {@code NONE}
 * @param credential {@code key:<key id>}, {@code oidc:<issuer>}, or empty
 */
public record Act(String actor, String role, String credential, String requestId, String traceId) {

  public Act {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(role, "role");
    credential = credential == null ? "" : credential;
    requestId = requestId == null ? "" : requestId;
    traceId = traceId == null ? "" : traceId;
  }

  /** A request that proved nobody. */
  public static Act anonymous(String requestId, String traceId) {
    return new Act(AuditRecord.ANONYMOUS, AuditRecord.NO_ROLE, "", requestId, traceId);
  }

  /** The same actor, the act tied to another request id (an approval's, for its decision). */
  public Act withRequestId(String otherRequestId) {
    return new Act(actor, role, credential, otherRequestId, traceId);
  }
}
