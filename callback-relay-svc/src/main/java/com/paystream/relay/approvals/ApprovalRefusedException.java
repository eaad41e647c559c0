package com.paystream.relay.approvals;

/** A decision (or a request) refused; nothing changed, the refusal is audited. */
public final class ApprovalRefusedException extends RuntimeException {

  /** Why, with the HTTP status and the problem's machine-readable reason. */
  public enum Why {
    NOT_FOUND(404, "not-found"),
    SELF_APPROVAL(403, "self-approval"),
    ALREADY_DECIDED(409, "already-decided"),
    EXPIRED(409, "expired"),
    CANNOT_CARRY_OUT(409, "cannot-carry-out");

    private final int status;
    private final String code;

    Why(int status, String code) {
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }

  private final Why why;

  public ApprovalRefusedException(Why why, String detail) {
    super(why.code() + ": " + detail);
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
