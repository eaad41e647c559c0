package com.paystream.gateway.payments.application;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The Idempotency-Key records of payment creation (the port to their table). */
public interface IdempotencyKeys {

  /** A stored key: whose request it was, and its answer once there is one. */
  record IdempotencyRecord(
      byte[] requestSha256,
      PaymentId paymentId,
      boolean completed,
      Optional<Integer> responseStatus,
      Optional<String> responseBody,
      Optional<Instant> leaseUntil) {}

  /**
   * Claims the key for a new request; emits false when the key was used before. A concurrent claim
   * of the same key waits for this transaction and then finds the key taken.
   */
  Mono<Boolean> claim(
      MerchantId merchantId,
      String key,
      byte[] requestSha256,
      PaymentId paymentId,
      Instant leaseUntil,
      Instant now);

  Mono<IdempotencyRecord> find(MerchantId merchantId, String key);

  Mono<Boolean> takeOver(MerchantId merchantId, String key, Instant expiredLease, Instant newLease);

  Mono<Void> release(MerchantId merchantId, String key, Instant now);

  Mono<Void> complete(MerchantId merchantId, String key, int status, String body, Instant now);
}
