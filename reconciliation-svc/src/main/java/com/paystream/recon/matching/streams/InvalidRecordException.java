package com.paystream.recon.matching.streams;

/**
 * A record that decoded but can never be matched (a negative amount, no currency, no date): it goes
 * to the dead-letter topic with {@link #reasonCode()} and processing continues.
 */
public class InvalidRecordException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reasonCode;

  public InvalidRecordException(String reasonCode, String message) {
    super(message);
    this.reasonCode = reasonCode;
  }

  public String reasonCode() {
    return reasonCode;
  }
}
