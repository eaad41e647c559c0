package com.paystream.gateway.statusquery;

import java.util.Locale;

/**
 * What one due status query came to; the tag of {@code paystream_status_queries_outcomes_total}.
 */
public enum QueryOutcome {
  /** The provider's answer was new and is recorded as a callback. */
  RECORDED,
  /** The provider's answer is the state we recorded before: nothing new was stored. */
  DUPLICATE,
  /** The provider does not know the payment. */
  NOT_FOUND,
  /** The provider named a status we cannot map: refused, counted, asked again later. */
  UNKNOWN_STATUS,
  /** The answer was about another payment, or otherwise not usable. */
  INVALID_ANSWER,
  /** The provider could not be reached or failed. */
  UNAVAILABLE,
  /** The provider refused the query (4xx other than 404). */
  REFUSED,
  /**
   * No client is configured for the payment's provider: nobody can be asked, so the schedule ends
   * (EXPIRED) rather than asking again forever; reconciliation remains.
   */
  NO_CLIENT,
  /** Reconciliation resolved or closed the lost-order break that asked for the queries. */
  BREAK_RESOLVED,
  /** Recording the answer failed (our database); asked again later. */
  RECORD_FAILED,
  /** Not queried: the payment reached an outcome through a webhook meanwhile. */
  SETTLED,
  /** Not queried: the payment stayed open past the max age. */
  EXPIRED;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
