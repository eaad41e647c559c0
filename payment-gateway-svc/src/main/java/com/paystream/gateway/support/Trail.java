package com.paystream.gateway.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The money trail: one INFO line per unit of work that belongs to a trace (a webhook accepted, a
 * status query asked, a recon result acted upon), logged in that trace so that its JSON line
 * carries {@code trace_id} and {@code span_id}. One logger name across the suite, {@code
 * paystream.trail}, so that SREs can follow or silence it as one. Never secrets, signatures or full
 * card or account numbers: ids, statuses and outcomes only.
 */
public final class Trail {

  /** The project-wide logger name. */
  public static final String LOGGER = "paystream.trail";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private Trail() {}

  public static Logger log() {
    return LOG;
  }
}
