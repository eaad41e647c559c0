package com.paystream.recon.matching;

import java.util.Objects;

/**
 * An operator's decision to close a break, after it was audited.
 *
 * @param resolutionId the audit record's id; the result is caused by it
 */
public record ManualResolution(
    String resolutionId, String breakId, String reference, String reason) {

  public ManualResolution {
    Objects.requireNonNull(resolutionId, "resolutionId");
    Objects.requireNonNull(breakId, "breakId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(reason, "reason");
  }
}
