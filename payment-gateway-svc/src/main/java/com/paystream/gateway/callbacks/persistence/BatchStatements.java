package com.paystream.gateway.callbacks.persistence;

import com.paystream.gateway.callbacks.PaymentUpdate;
import com.paystream.gateway.callbacks.ProviderReport;
import com.paystream.gateway.callbacks.RecordedCallback;
import com.paystream.gateway.callbacks.VerifiedCallback;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.PaymentState;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.platform.ids.CallbackId;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import io.r2dbc.spi.Readable;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statements of the intake transaction, each for a whole batch: rows travel as parallel arrays
 * and are expanded with {@code unnest ... with ordinality}, so a batch of any size is one prepared
 * statement and one round trip. Order is kept explicitly ({@code order by ord}): it is the order of
 * the history and of the relay's outbox sequence.
 */
@Repository
public class BatchStatements {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The inbox insert, which decides which callbacks are new (ON CONFLICT: a duplicate, also within
   * the batch or racing in another transaction, is skipped), and the row locks of the payments the
   * new ones are about, taken in payment id order so that concurrent batches cannot deadlock.
   */
  private static final String INSERT_AND_LOCK =
      """
      with inserted as (
        insert into callback_inbox (callback_id, provider, provider_event_id, source, event_type,
            payment_id, merchant_id, provider_payment_id, reported_status, amount_minor, currency,
            occurred_at, received_at, raw_body, headers, trace_id)
        select u.callback_id::uuid, u.provider, u.provider_event_id, u.source, u.event_type,
               u.payment_id, u.merchant_id, u.provider_payment_id, u.reported_status,
               u.amount_minor, u.currency, u.occurred_at::timestamptz, u.received_at::timestamptz,
               decode(u.raw_body, 'base64'), u.headers::jsonb, u.trace_id
        from unnest(:callbackIds::text[], :providers::text[], :eventIds::text[],
                    :sources::text[], :eventTypes::text[], :paymentIds::text[],
                    :merchantIds::text[], :providerPaymentIds::text[], :statuses::text[],
                    :amounts::bigint[], :currencies::text[], :occurredAts::text[],
                    :receivedAts::text[], :rawBodies::text[], :headers::text[], :traceIds::text[])
             with ordinality
             as u(callback_id, provider, provider_event_id, source, event_type, payment_id,
                  merchant_id, provider_payment_id, reported_status, amount_minor, currency,
                  occurred_at, received_at, raw_body, headers, trace_id, ord)
        order by u.ord
        on conflict on constraint callback_inbox_provider_event do nothing
        returning callback_id, payment_id
      ), locked as (
        select p.payment_id, p.merchant_id, p.amount_minor, p.currency, p.status
        from payment p
        where p.payment_id in (select payment_id from inserted)
        order by p.payment_id
        for update
      )
      select (select coalesce(array_agg(callback_id::text), '{}') from inserted) as inserted,
             locked.payment_id, locked.merchant_id, locked.amount_minor, locked.currency,
             locked.status
      from (values (1)) as one left join locked on true
      """;

  /** Creates, in payment id order, payments first heard of in this batch. */
  private static final String CREATE_PAYMENTS =
      """
      insert into payment (payment_id, merchant_id, provider, provider_payment_id, amount_minor,
                           currency, status, origin, created_at, updated_at)
      select u.payment_id, u.merchant_id, u.provider, u.provider_payment_id, u.amount_minor,
             u.currency, 'CREATED', 'CALLBACK', u.at::timestamptz, u.at::timestamptz
      from unnest(:paymentIds::text[], :merchantIds::text[], :providers::text[],
                  :providerPaymentIds::text[], :amounts::bigint[], :currencies::text[],
                  :ats::text[]) as u(payment_id, merchant_id, provider, provider_payment_id,
                                      amount_minor, currency, at)
      order by u.payment_id
      on conflict (payment_id) do nothing
      returning payment_id
      """;

  private static final String LOCK_PAYMENTS =
      """
      select payment_id, merchant_id, amount_minor, currency, status
      from payment where payment_id = any(:paymentIds::text[])
      order by payment_id
      for update
      """;

  /** Payment rows, history rows and outbox rows of the batch, in one statement. */
  private static final String WRITE_DECISIONS =
      """
      with moved as (
        update payment p
        set status = u.status,
            attention = coalesce(p.attention, u.attention),
            provider_payment_id = coalesce(p.provider_payment_id, u.provider_payment_id),
            updated_at = u.at::timestamptz,
            version = p.version + u.decisions
        from unnest(:updPaymentIds::text[], :updStatuses::text[], :updAttentions::text[],
                    :updProviderPaymentIds::text[], :updAts::text[], :updDecisions::bigint[])
             as u(payment_id, status, attention, provider_payment_id, at, decisions)
        where p.payment_id = u.payment_id
      ), history as (
        insert into payment_status_history (payment_id, event, from_status, to_status,
            reported_status, moved, flags, amount_minor, currency, cause_type, cause_id, actor,
            recorded_at)
        select h.payment_id, h.event, h.from_status, h.to_status, h.reported_status, h.moved,
               coalesce(string_to_array(nullif(h.flags, ''), ','), '{}'), h.amount_minor,
               h.currency, h.cause_type, h.cause_id, h.actor, h.recorded_at::timestamptz
        from unnest(:hPaymentIds::text[], :hEvents::text[], :hFrom::text[], :hTo::text[],
                    :hReported::text[], :hMoved::boolean[], :hFlags::text[], :hAmounts::bigint[],
                    :hCurrencies::text[], :hCauseTypes::text[], :hCauseIds::text[],
                    :hActors::text[], :hRecordedAts::text[])
             with ordinality
             as h(payment_id, event, from_status, to_status, reported_status, moved, flags,
                  amount_minor, currency, cause_type, cause_id, actor, recorded_at, ord)
        order by h.ord
      )
      insert into outbox (message_id, topic, message_key, payload, trace_id, span_id)
      select o.message_id::uuid, o.topic, o.message_key, decode(o.payload, 'base64'), o.trace_id,
             o.span_id
      from unnest(:oMessageIds::text[], :oTopics::text[], :oKeys::text[], :oPayloads::text[],
                  :oTraceIds::text[], :oSpanIds::text[]) with ordinality
           as o(message_id, topic, message_key, payload, trace_id, span_id, ord)
      order by o.ord
      """;

  private final DatabaseClient db;

  public BatchStatements(DatabaseClient db) {
    this.db = db;
  }

  /** Which callbacks the inbox took as new, and the locked payments they are about. */
  public record Insertion(Set<CallbackId> inserted, Map<PaymentId, PaymentState> payments) {}

  public Mono<Insertion> insertAndLock(List<RecordedCallback> batch) {
    return db.sql(INSERT_AND_LOCK)
        .bind("callbackIds", column(batch, r -> r.callbackId().toString()))
        .bind("providers", column(batch, r -> r.callback().provider()))
        .bind("eventIds", column(batch, r -> r.callback().providerEventId()))
        .bind("sources", column(batch, r -> r.callback().source().name()))
        .bind("eventTypes", column(batch, r -> report(r).eventType()))
        .bind("paymentIds", column(batch, r -> report(r).paymentId().value()))
        .bind("merchantIds", column(batch, r -> report(r).merchantId().value()))
        .bind("providerPaymentIds", column(batch, r -> report(r).providerPaymentId().orElse(null)))
        .bind("statuses", column(batch, r -> report(r).status().name()))
        .bind("amounts", batch.stream().map(r -> report(r).amount().minor()).toArray(Long[]::new))
        .bind("currencies", column(batch, r -> report(r).amount().currencyCode()))
        .bind("occurredAts", column(batch, r -> report(r).occurredAt().toString()))
        .bind("receivedAts", column(batch, r -> r.recordedAt().toString()))
        .bind("rawBodies", column(batch, r -> base64(r.callback().rawBody())))
        .bind("headers", column(batch, r -> JSON.writeValueAsString(r.callback().headers())))
        .bind("traceIds", column(batch, r -> r.callback().traceId()))
        .map(BatchStatements::insertionRow)
        .all()
        .collectList()
        .map(BatchStatements::insertion);
  }

  /** Creates the payments that do not exist yet; emits the ids this call created. */
  public Mono<Set<PaymentId>> createPayments(Collection<RecordedCallback> firstOfEach) {
    List<RecordedCallback> list = List.copyOf(firstOfEach);
    return db.sql(CREATE_PAYMENTS)
        .bind("paymentIds", column(list, r -> report(r).paymentId().value()))
        .bind("merchantIds", column(list, r -> report(r).merchantId().value()))
        .bind("providers", column(list, r -> r.callback().provider()))
        .bind("providerPaymentIds", column(list, r -> report(r).providerPaymentId().orElse(null)))
        .bind("amounts", list.stream().map(r -> report(r).amount().minor()).toArray(Long[]::new))
        .bind("currencies", column(list, r -> report(r).amount().currencyCode()))
        .bind("ats", column(list, r -> r.recordedAt().toString()))
        .map(row -> new PaymentId(row.get("payment_id", String.class)))
        .all()
        .collect(Collectors.toSet());
  }

  public Mono<Map<PaymentId, PaymentState>> lock(Collection<PaymentId> paymentIds) {
    return db.sql(LOCK_PAYMENTS)
        .bind("paymentIds", paymentIds.stream().map(PaymentId::value).toArray(String[]::new))
        .map(BatchStatements::state)
        .all()
        .collectMap(PaymentState::paymentId);
  }

  public Mono<Void> writeDecisions(
      List<PaymentUpdate> updates, List<HistoryEntry> history, List<OutboxMessage> outbox) {
    return db.sql(WRITE_DECISIONS)
        .bind("updPaymentIds", column(updates, u -> u.paymentId().value()))
        .bind("updStatuses", column(updates, u -> u.status().name()))
        .bind("updAttentions", column(updates, u -> u.attention().map(Enum::name).orElse(null)))
        .bind("updProviderPaymentIds", column(updates, u -> u.providerPaymentId().orElse(null)))
        .bind("updAts", column(updates, u -> u.at().toString()))
        .bind("updDecisions", updates.stream().map(u -> (long) u.decisions()).toArray(Long[]::new))
        .bind("hPaymentIds", column(history, h -> h.paymentId().value()))
        .bind("hEvents", column(history, h -> h.event().name()))
        .bind("hFrom", column(history, h -> h.from().map(Enum::name).orElse(null)))
        .bind("hTo", column(history, h -> h.to().name()))
        .bind("hReported", column(history, h -> h.reported().map(Enum::name).orElse(null)))
        .bind("hMoved", history.stream().map(HistoryEntry::moved).toArray(Boolean[]::new))
        .bind("hFlags", column(history, BatchStatements::flags))
        .bind(
            "hAmounts",
            history.stream()
                .map(h -> h.amount().map(Money::minor).orElse(null))
                .toArray(Long[]::new))
        .bind("hCurrencies", column(history, h -> h.amount().map(Money::currencyCode).orElse(null)))
        .bind("hCauseTypes", column(history, h -> h.causeType().name()))
        .bind("hCauseIds", column(history, HistoryEntry::causeId))
        .bind("hActors", column(history, HistoryEntry::actor))
        .bind("hRecordedAts", column(history, h -> h.recordedAt().toString()))
        .bind("oMessageIds", column(outbox, o -> o.messageId().toString()))
        .bind("oTopics", column(outbox, OutboxMessage::topic))
        .bind("oKeys", column(outbox, OutboxMessage::key))
        .bind("oPayloads", column(outbox, o -> base64(o.payload())))
        .bind("oTraceIds", column(outbox, OutboxMessage::traceId))
        .bind("oSpanIds", column(outbox, OutboxMessage::spanId))
        .fetch()
        .rowsUpdated()
        .then();
  }

  private static ProviderReport report(RecordedCallback recorded) {
    VerifiedCallback callback = recorded.callback();
    return callback.report();
  }

  private static <T> String[] column(List<T> rows, Function<T, String> value) {
    return rows.stream().map(value).toArray(String[]::new);
  }

  private static String flags(HistoryEntry entry) {
    return entry.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private record InsertionRow(String[] inserted, PaymentState payment) {}

  private static InsertionRow insertionRow(Readable row) {
    String[] inserted = row.get("inserted", String[].class);
    return new InsertionRow(
        inserted == null ? new String[0] : inserted,
        row.get("payment_id", String.class) == null ? null : state(row));
  }

  private static Insertion insertion(List<InsertionRow> rows) {
    Set<CallbackId> inserted = new HashSet<>();
    Map<PaymentId, PaymentState> payments = new HashMap<>();
    for (InsertionRow row : rows) {
      for (String id : row.inserted()) {
        inserted.add(CallbackId.parse(id));
      }
      if (row.payment() != null) {
        payments.put(row.payment().paymentId(), row.payment());
      }
    }
    return new Insertion(inserted, payments);
  }

  private static PaymentState state(Readable row) {
    return new PaymentState(
        new PaymentId(row.get("payment_id", String.class)),
        new MerchantId(row.get("merchant_id", String.class)),
        Money.of(row.get("amount_minor", Long.class), row.get("currency", String.class)),
        PaymentStatus.valueOf(row.get("status", String.class)));
  }
}
