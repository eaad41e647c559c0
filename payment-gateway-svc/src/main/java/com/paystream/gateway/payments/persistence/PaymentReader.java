package com.paystream.gateway.payments.persistence;

import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.NewPayment;
import com.paystream.gateway.payments.PageCursor;
import com.paystream.gateway.payments.PaymentQuery;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.gateway.payments.StatusFlag;
import com.paystream.gateway.payments.application.PaymentLookup;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads payments and their history for the API. */
@Repository
public class PaymentReader implements PaymentLookup {

  private static final String COLUMNS =
      """
      p.payment_id, p.merchant_id, p.provider, p.provider_payment_id, p.amount_minor, p.currency,
      p.status, p.attention, p.origin, p.reference, p.redirect_url, p.created_at, p.updated_at,
      (select coalesce(sum(r.amount_minor), 0) from refund r
        where r.payment_id = p.payment_id and r.status <> 'FAILED') as refunded_minor
      """;

  private final DatabaseClient db;

  public PaymentReader(DatabaseClient db) {
    this.db = db;
  }

  public Mono<PaymentView> find(PaymentId paymentId) {
    return db.sql("select " + COLUMNS + " from payment p where p.payment_id = :paymentId")
        .bind("paymentId", paymentId.value())
        .map(PaymentReader::view)
        .one();
  }

  /**
   * Locks the payment row (for changes that depend on its refunds) and then reads it. The read is a
   * statement of its own: under READ COMMITTED a {@code SELECT ... FOR UPDATE} that waited for the
   * lock re-checks the locked row but evaluates its sub-queries on the snapshot taken before it
   * waited, so the sum of refunds would miss those the previous lock holder just committed.
   */
  public Mono<PaymentView> lock(PaymentId paymentId) {
    return db.sql("select 1 from payment where payment_id = :paymentId for update")
        .bind("paymentId", paymentId.value())
        .map(row -> 1)
        .all()
        .then(Mono.defer(() -> find(paymentId)));
  }

  public Flux<PaymentView> list(PaymentQuery query) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from payment p where true");
    query.merchantId().ifPresent(m -> sql.append(" and p.merchant_id = :merchantId"));
    query.status().ifPresent(s -> sql.append(" and p.status = :status"));
    query.from().ifPresent(f -> sql.append(" and p.created_at >= :from"));
    query.to().ifPresent(t -> sql.append(" and p.created_at < :to"));
    query
        .after()
        .ifPresent(
            c -> sql.append(" and (p.created_at, p.payment_id) < (:afterCreatedAt, :afterId)"));
    sql.append(" order by p.created_at desc, p.payment_id desc limit :limit");
    GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", query.limit());
    if (query.merchantId().isPresent()) {
      spec = spec.bind("merchantId", query.merchantId().get().value());
    }
    if (query.status().isPresent()) {
      spec = spec.bind("status", query.status().get().name());
    }
    if (query.from().isPresent()) {
      spec = spec.bind("from", query.from().get());
    }
    if (query.to().isPresent()) {
      spec = spec.bind("to", query.to().get());
    }
    if (query.after().isPresent()) {
      PageCursor cursor = query.after().get();
      spec =
          spec.bind("afterCreatedAt", cursor.createdAt())
              .bind("afterId", cursor.paymentId().value());
    }
    return spec.map(PaymentReader::view).all();
  }

  public Flux<HistoryEntry> history(PaymentId paymentId) {
    return db.sql(
            """
            select payment_id, event, from_status, to_status, reported_status, flags, amount_minor,
                   currency, cause_type, cause_id, actor, recorded_at
            from payment_status_history where payment_id = :paymentId order by seq
            """)
        .bind("paymentId", paymentId.value())
        .map(PaymentReader::historyEntry)
        .all();
  }

  private static PaymentView view(Readable row) {
    String currency = row.get("currency", String.class);
    return new PaymentView(
        new PaymentId(row.get("payment_id", String.class)),
        new MerchantId(row.get("merchant_id", String.class)),
        row.get("provider", String.class),
        Optional.ofNullable(row.get("provider_payment_id", String.class)),
        Money.of(row.get("amount_minor", Long.class), currency),
        Money.of(((Number) row.get("refunded_minor")).longValue(), currency),
        PaymentStatus.valueOf(row.get("status", String.class)),
        Optional.ofNullable(row.get("attention", String.class)),
        NewPayment.Origin.valueOf(row.get("origin", String.class)),
        Optional.ofNullable(row.get("reference", String.class)),
        Optional.ofNullable(row.get("redirect_url", String.class)),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class));
  }

  private static HistoryEntry historyEntry(Readable row) {
    String[] flags = row.get("flags", String[].class);
    Long amount = row.get("amount_minor", Long.class);
    String currency = row.get("currency", String.class);
    Set<StatusFlag> parsedFlags =
        flags == null
            ? Set.of()
            : Arrays.stream(flags).map(StatusFlag::valueOf).collect(Collectors.toSet());
    return new HistoryEntry(
        new PaymentId(row.get("payment_id", String.class)),
        HistoryEntry.Event.valueOf(row.get("event", String.class)),
        Optional.ofNullable(row.get("from_status", String.class)).map(PaymentStatus::valueOf),
        PaymentStatus.valueOf(row.get("to_status", String.class)),
        Optional.ofNullable(row.get("reported_status", String.class)).map(PaymentStatus::valueOf),
        parsedFlags,
        amount == null ? Optional.empty() : Optional.of(Money.of(amount, currency)),
        HistoryEntry.CauseType.valueOf(row.get("cause_type", String.class)),
        row.get("cause_id", String.class),
        row.get("actor", String.class),
        row.get("recorded_at", Instant.class));
  }
}
