package com.paystream.relay.operator;

/** What an operator needs from a recorded payload: callback or command, and of which provider. */
public record PayloadSummary(String kind, String provider) {

  public static final PayloadSummary UNKNOWN = new PayloadSummary("UNKNOWN", null);

  /** Reads the summary out of a recorded Kafka value. */
  @FunctionalInterface
  public interface Reader {
    PayloadSummary read(String topic, byte[] payload);
  }
}
