package com.paystream.gateway.payments.persistence;

import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.NewPayment;
import com.paystream.gateway.payments.PaymentState;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.StatusFlag;
import com.paystream.gateway.payments.application.PaymentUpdates;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The payment rows and their status history. Every method joins the caller's transaction; the
 * callers own the transaction boundary.
 */
@Repository
public class PaymentRepository implements PaymentUpdates {

  private static final String INSERT =
      """
      insert into payment (payment_id, merchant_id, provider, provider_payment_id, amount_minor,
                           currency, status, origin, created_at, updated_at)
      values (:paymentId, :merchantId, :provider, :providerPaymentId, :amountMinor,
              :currency, 'CREATED', :origin, :at, :at)
      on conflict (payment_id) do nothing
      """;

  private static final String LOCK =
      """
      select payment_id, merchant_id, amount_minor, currency, status
      from payment where payment_id = :paymentId for update
      """;

  // provider_payment_id is learnt once and kept; an open attention reason is never overwritten.
  private static final String UPDATE_STATUS =
      """
      update payment
      set status = :status,
          attention = coalesce(attention, :attention),
          provider_payment_id = coalesce(provider_payment_id, :providerPaymentId),
          updated_at = :at,
          version = version + 1
      where payment_id = :paymentId
      """;

  private static final String APPEND_HISTORY =
      """
      insert into payment_status_history (payment_id, event, from_status, to_status,
          reported_status, moved, flags, amount_minor, currency, cause_type, cause_id, actor,
          recorded_at)
      values (:paymentId, :event, :fromStatus, :toStatus, :reportedStatus, :moved, :flags,
              :amountMinor, :currency, :causeType, :causeId, :actor, :recordedAt)
      """;

  private final DatabaseClient db;

  public PaymentRepository(DatabaseClient db) {
    this.db = db;
  }

  /** Inserts the payment unless one with its id exists; emits whether this call created it. */
  public Mono<Boolean> createIfAbsent(NewPayment payment, Instant at) {
    GenericExecuteSpec spec =
        db.sql(INSERT)
            .bind("paymentId", payment.paymentId().value())
            .bind("merchantId", payment.merchantId().value())
            .bind("provider", payment.provider())
            .bind("amountMinor", payment.amount().minor())
            .bind("currency", payment.amount().currencyCode())
            .bind("origin", payment.origin().name())
            .bind("at", at);
    spec = bindOptional(spec, "providerPaymentId", payment.providerPaymentId());
    return spec.fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** Inserts a payment a merchant asked for (a fresh id, so no conflict is possible). */
  public Mono<Void> insertRequested(
      NewPayment payment, Optional<String> reference, String createdBy, Instant at) {
    GenericExecuteSpec spec =
        db.sql(
                """
                insert into payment (payment_id, merchant_id, provider, amount_minor, currency,
                                     status, origin, reference, created_by, created_at, updated_at)
                values (:paymentId, :merchantId, :provider, :amountMinor, :currency, 'CREATED',
                        :origin, :reference, :createdBy, :at, :at)
                """)
            .bind("paymentId", payment.paymentId().value())
            .bind("merchantId", payment.merchantId().value())
            .bind("provider", payment.provider())
            .bind("amountMinor", payment.amount().minor())
            .bind("currency", payment.amount().currencyCode())
            .bind("origin", payment.origin().name())
            .bind("createdBy", createdBy)
            .bind("at", at);
    spec = bindOptional(spec, "reference", reference);
    return spec.fetch().rowsUpdated().then();
  }

  /** Records what the provider gave us for the payment: its id and the customer's redirect. */
  public Mono<Void> setProviderReference(
      PaymentId paymentId, String providerPaymentId, String redirectUrl, Instant at) {
    return db.sql(
            """
            update payment
            set provider_payment_id = coalesce(provider_payment_id, :providerPaymentId),
                redirect_url = :redirectUrl, updated_at = :at, version = version + 1
            where payment_id = :paymentId
            """)
        .bind("paymentId", paymentId.value())
        .bind("providerPaymentId", providerPaymentId)
        .bind("redirectUrl", redirectUrl)
        .bind("at", at)
        .fetch()
        .rowsUpdated()
        .then();
  }

  /** Moves the status (cancellation, refund); attention and amount stay as they are. */
  public Mono<Void> moveStatus(PaymentId paymentId, PaymentStatus status, Instant at) {
    return db.sql(
            """
            update payment set status = :status, updated_at = :at, version = version + 1
            where payment_id = :paymentId
            """)
        .bind("paymentId", paymentId.value())
        .bind("status", status.name())
        .bind("at", at)
        .fetch()
        .rowsUpdated()
        .then();
  }

  /**
   * Sets status and amount (an operator's amendment or a supplement) and closes any attention
   * reason: the operator has looked.
   */
  public Mono<Void> correct(
      PaymentId paymentId, PaymentStatus status, long amountMinor, Instant at) {
    return db.sql(
            """
            update payment
            set status = :status, amount_minor = :amountMinor, attention = null,
                updated_at = :at, version = version + 1
            where payment_id = :paymentId
            """)
        .bind("paymentId", paymentId.value())
        .bind("status", status.name())
        .bind("amountMinor", amountMinor)
        .bind("at", at)
        .fetch()
        .rowsUpdated()
        .then();
  }

  /** Reads the payment and holds its row lock until the transaction ends. */
  public Mono<PaymentState> lock(PaymentId paymentId) {
    return db.sql(LOCK)
        .bind("paymentId", paymentId.value())
        .map(PaymentRepository::state)
        .one()
        .switchIfEmpty(
            Mono.error(() -> new IllegalStateException("no payment " + paymentId + " to lock")));
  }

  /** Moves the status and/or opens an attention reason; never touches identity columns. */
  public Mono<Void> updateStatus(
      PaymentId paymentId,
      PaymentStatus status,
      Optional<StatusFlag> attention,
      Optional<String> providerPaymentId,
      Instant at) {
    GenericExecuteSpec spec =
        db.sql(UPDATE_STATUS)
            .bind("paymentId", paymentId.value())
            .bind("status", status.name())
            .bind("at", at);
    spec = bindOptional(spec, "attention", attention.map(Enum::name));
    spec = bindOptional(spec, "providerPaymentId", providerPaymentId);
    return spec.fetch().rowsUpdated().then();
  }

  public Mono<Void> append(HistoryEntry entry) {
    GenericExecuteSpec spec =
        db.sql(APPEND_HISTORY)
            .bind("paymentId", entry.paymentId().value())
            .bind("event", entry.event().name())
            .bind("toStatus", entry.to().name())
            .bind("moved", entry.moved())
            .bind("flags", entry.flags().stream().map(Enum::name).sorted().toArray(String[]::new))
            .bind("causeType", entry.causeType().name())
            .bind("causeId", entry.causeId())
            .bind("actor", entry.actor())
            .bind("recordedAt", entry.recordedAt());
    spec = bindOptional(spec, "fromStatus", entry.from().map(Enum::name));
    spec = bindOptional(spec, "reportedStatus", entry.reported().map(Enum::name));
    spec =
        entry.amount().isPresent()
            ? spec.bind("amountMinor", entry.amount().get().minor())
                .bind("currency", entry.amount().get().currencyCode())
            : spec.bindNull("amountMinor", Long.class).bindNull("currency", String.class);
    return spec.fetch().rowsUpdated().then();
  }

  private static GenericExecuteSpec bindOptional(
      GenericExecuteSpec spec, String name, Optional<String> value) {
    return value.isPresent() ? spec.bind(name, value.get()) : spec.bindNull(name, String.class);
  }

  private static PaymentState state(Readable row) {
    return new PaymentState(
        new PaymentId(row.get("payment_id", String.class)),
        new MerchantId(row.get("merchant_id", String.class)),
        Money.of(row.get("amount_minor", Long.class), row.get("currency", String.class)),
        PaymentStatus.valueOf(row.get("status", String.class)));
  }
}
