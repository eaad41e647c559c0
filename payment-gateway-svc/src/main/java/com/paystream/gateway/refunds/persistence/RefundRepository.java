package com.paystream.gateway.refunds.persistence;

import com.paystream.gateway.refunds.Refund;
import com.paystream.gateway.refunds.RefundStore;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Refund rows: reserved (REQUESTED), then SUBMITTED to the provider or FAILED. */
@Repository
public class RefundRepository implements RefundStore {

  private final DatabaseClient db;

  public RefundRepository(DatabaseClient db) {
    this.db = db;
  }

  public Mono<Refund> find(String refundId) {
    return db.sql(
            """
            select refund_id, payment_id, amount_minor, currency, status, reason, requested_by,
                   provider_refund_id, created_at
            from refund where refund_id = :refundId
            """)
        .bind("refundId", refundId)
        .map(
            row ->
                new Refund(
                    row.get("refund_id", String.class),
                    new PaymentId(row.get("payment_id", String.class)),
                    Money.of(
                        row.get("amount_minor", Long.class), row.get("currency", String.class)),
                    Refund.Status.valueOf(row.get("status", String.class)),
                    row.get("reason", String.class),
                    row.get("requested_by", String.class),
                    Optional.ofNullable(row.get("provider_refund_id", String.class)),
                    row.get("created_at", Instant.class)))
        .one();
  }

  /** The sum of the refunds the provider took. */
  public Mono<Long> submittedTotal(PaymentId paymentId) {
    return db.sql(
            "select coalesce(sum(amount_minor), 0) as total from refund"
                + " where payment_id = :paymentId and status = 'SUBMITTED'")
        .bind("paymentId", paymentId.value())
        .map(row -> ((Number) row.get("total")).longValue())
        .one();
  }

  public Mono<Void> insert(Refund refund, Instant at) {
    return db.sql(
            """
            insert into refund (refund_id, payment_id, amount_minor, currency, status, reason,
                                requested_by, created_at, updated_at)
            values (:refundId, :paymentId, :amountMinor, :currency, 'REQUESTED', :reason,
                    :requestedBy, :at, :at)
            """)
        .bind("refundId", refund.refundId())
        .bind("paymentId", refund.paymentId().value())
        .bind("amountMinor", refund.amount().minor())
        .bind("currency", refund.amount().currencyCode())
        .bind("reason", refund.reason())
        .bind("requestedBy", refund.requestedBy())
        .bind("at", at)
        .fetch()
        .rowsUpdated()
        .then();
  }

  /** Settles a REQUESTED refund; emits false if it was settled already (by a racing retry). */
  @Override
  public Mono<Boolean> settle(Refund settled, Instant at) {
    Optional<String> providerRefundId = settled.providerRefundId();
    var spec =
        db.sql(
                """
                update refund set status = :status, provider_refund_id = :providerRefundId,
                                  updated_at = :at
                where refund_id = :refundId and status = 'REQUESTED'
                """)
            .bind("refundId", settled.refundId())
            .bind("status", settled.status().name())
            .bind("at", at);
    spec =
        providerRefundId.isPresent()
            ? spec.bind("providerRefundId", providerRefundId.get())
            : spec.bindNull("providerRefundId", String.class);
    return spec.fetch().rowsUpdated().map(rows -> rows == 1);
  }
}
