package com.paystream.recon.matching;

/** How a break was closed, as written in the result's {@code resolution}. */
public final class Resolutions {

  /** The missing side arrived after the break was reported and the amounts now agree. */
  public static final String LATE_ARRIVAL = "LATE_ARRIVAL";

  /**
   * The ledger took its own booking back (reversal) before any statement showed it: no money moved,
   * nothing is missing.
   */
  public static final String NETTED_INTERNALLY = "NETTED_INTERNALLY";

  /** Prefix of an operator's resolution; the reason follows. */
  public static final String MANUAL_PREFIX = "MANUAL: ";

  private static final int MAX_REASON_LENGTH = 500;

  private Resolutions() {}

  /**
   * An operator's resolution approved by a second operator: the reason (cut so that the names
   * always fit) followed by {@code (requested by A, approved by B)}.
   */
  public static String manual(String reason, String requestedBy, String approvedBy) {
    String names = " (requested by " + requestedBy + ", approved by " + approvedBy + ")";
    String trimmed = reason.strip();
    int room = Math.max(0, MAX_REASON_LENGTH - names.length());
    return MANUAL_PREFIX + (trimmed.length() > room ? trimmed.substring(0, room) : trimmed) + names;
  }

  public static String manual(String reason) {
    String trimmed = reason.strip();
    return MANUAL_PREFIX
        + (trimmed.length() > MAX_REASON_LENGTH
            ? trimmed.substring(0, MAX_REASON_LENGTH)
            : trimmed);
  }
}
