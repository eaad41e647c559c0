package com.paystream.gateway.webhooks;

/**
 * Reads one provider payload format into a {@link com.paystream.gateway.callbacks.ProviderReport},
 * strictly: a payload we cannot fully account for is rejected, never guessed at. Only ever called
 * with a body whose signature was verified.
 */
public interface PayloadParser {

  /** The configuration name, e.g. {@code standard-webhooks}. */
  String format();

  ParseResult parse(byte[] rawBody, SignatureCheck.Verified signature);
}
