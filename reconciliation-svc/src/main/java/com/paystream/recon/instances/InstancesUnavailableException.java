package com.paystream.recon.instances;

/**
 * The whole cannot be answered now: another instance did not give its part in time, refused it, or
 * the partitions moved while the parts were read. Answered 503 with Retry-After, never a partial
 * answer.
 */
public class InstancesUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InstancesUnavailableException(String detail) {
    super(detail);
  }

  public InstancesUnavailableException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
