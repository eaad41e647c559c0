package com.paystream.gateway.payments.persistence;

import com.paystream.gateway.payments.application.IdempotencyKeys;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Idempotency-Key records of payment creation. */
@Repository
public class IdempotencyRepository implements IdempotencyKeys {

  private final DatabaseClient db;

  public IdempotencyRepository(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Claims the key for a new request; emits false when the key was used before. A concurrent claim
   * of the same key waits for this transaction and then finds the key taken.
   */
  public Mono<Boolean> claim(
      MerchantId merchantId,
      String key,
      byte[] requestSha256,
      PaymentId paymentId,
      Instant leaseUntil,
      Instant now) {
    return db.sql(
            """
            insert into idempotency_record (merchant_id, idempotency_key, request_sha256,
                                            payment_id, state, lease_until, created_at)
            values (:merchantId, :key, :hash, :paymentId, 'IN_PROGRESS', :leaseUntil, :now)
            on conflict (merchant_id, idempotency_key) do nothing
            """)
        .bind("merchantId", merchantId.value())
        .bind("key", key)
        .bind("hash", ByteBuffer.wrap(requestSha256))
        .bind("paymentId", paymentId.value())
        .bind("leaseUntil", leaseUntil)
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  public Mono<IdempotencyKeys.IdempotencyRecord> find(MerchantId merchantId, String key) {
    return db.sql(
            """
            select request_sha256, payment_id, state, response_status, response_body, lease_until
            from idempotency_record where merchant_id = :merchantId and idempotency_key = :key
            """)
        .bind("merchantId", merchantId.value())
        .bind("key", key)
        .map(
            row -> {
              ByteBuffer hash = row.get("request_sha256", ByteBuffer.class);
              byte[] bytes = new byte[hash.remaining()];
              hash.get(bytes);
              return new IdempotencyKeys.IdempotencyRecord(
                  bytes,
                  new PaymentId(row.get("payment_id", String.class)),
                  "COMPLETED".equals(row.get("state", String.class)),
                  Optional.ofNullable(row.get("response_status", Integer.class)),
                  Optional.ofNullable(row.get("response_body", String.class)),
                  Optional.ofNullable(row.get("lease_until", Instant.class)));
            })
        .one();
  }

  /**
   * Takes over an in-progress key whose lease ran out (its request died between its two
   * transactions). Compare-and-set on the old lease, so only one retry wins.
   */
  public Mono<Boolean> takeOver(
      MerchantId merchantId, String key, Instant expiredLease, Instant newLease) {
    return db.sql(
            """
            update idempotency_record set lease_until = :newLease
            where merchant_id = :merchantId and idempotency_key = :key
              and state = 'IN_PROGRESS' and lease_until = :expiredLease
            """)
        .bind("merchantId", merchantId.value())
        .bind("key", key)
        .bind("expiredLease", expiredLease)
        .bind("newLease", newLease)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** Ends the lease now, so that the next retry resumes at once (e.g. the provider was down). */
  public Mono<Void> release(MerchantId merchantId, String key, Instant now) {
    return db.sql(
            """
            update idempotency_record set lease_until = :now
            where merchant_id = :merchantId and idempotency_key = :key and state = 'IN_PROGRESS'
            """)
        .bind("merchantId", merchantId.value())
        .bind("key", key)
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .then();
  }

  public Mono<Void> complete(
      MerchantId merchantId, String key, int status, String body, Instant now) {
    return db.sql(
            """
            update idempotency_record
            set state = 'COMPLETED', response_status = :status, response_body = :body,
                completed_at = :now, lease_until = null
            where merchant_id = :merchantId and idempotency_key = :key and state = 'IN_PROGRESS'
            """)
        .bind("merchantId", merchantId.value())
        .bind("key", key)
        .bind("status", status)
        .bind("body", body)
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .then();
  }
}
