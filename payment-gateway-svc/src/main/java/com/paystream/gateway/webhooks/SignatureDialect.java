package com.paystream.gateway.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One provider family's way of signing webhooks and of expecting them acknowledged (Standard
 * Webhooks, Stripe, ...). Implementations are stateless and thread-safe.
 */
public interface SignatureDialect {

  /** The configuration name, e.g. {@code standard-webhooks}. */
  String name();

  /**
   * Decodes configured secrets into HMAC keys. Throws {@link IllegalArgumentException} for a secret
   * this dialect cannot use, so that bad configuration stops the service at startup.
   */
  SigningKeys keys(List<String> secrets);

  /**
   * Checks that {@code rawBody} was signed by the provider with one of {@code keys}, within the
   * tolerance around {@code now}. Compares in constant time.
   */
  SignatureCheck verify(WebhookHeaders headers, byte[] rawBody, SigningKeys keys, Instant now);

  /** The headers worth keeping with the stored callback (ids, timestamps, signatures). */
  Map<String, String> auditHeaders(WebhookHeaders headers);

  /** The answer the provider expects once the callback is stored (or was already). */
  Acknowledgement acknowledge(boolean duplicate);
}
