package com.paystream.ledger.settlement.kafka;

import com.paystream.ledger.booking.Outcome;
import com.paystream.ledger.booking.SourceRef;
import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.settlement.ProviderPayout;
import com.paystream.ledger.settlement.ProviderSettlementService;
import com.paystream.ledger.settlement.SettlementRecord;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.recon.SettlementKind;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.UndecodableRecordException;
import com.paystream.tracing.Traces;
import io.micrometer.tracing.Tracer;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads {@code recon.settlements.v1} in its own consumer group ({@code ledger-svc.settlements}) and
 * books each PROVIDER_PAYOUT; the other kinds are merchant payouts, another group's, and are
 * skipped. One record at a time (a few payouts per provider, currency and day): each is applied in
 * one database transaction and the container commits its offset only after the listener returned
 * (ack mode RECORD), so a crash anywhere replays it and the replay books nothing. Values are
 * decoded here, so bytes that are no settlement are dead-lettered in band and the consumer goes on;
 * a transient failure (database, registry) is thrown to the container, which seeks the record back
 * and retries it with backoff, blocking and in order, without limit.
 *
 * <p>Its container factory is its own ({@code settlementListenerContainerFactory}): the payments'
 * {@code ResumeFromDatabase} positions are per topic, not per group, and two groups read this one.
 * The group's committed offset is where it resumes.
 *
 * <p>Tracing: a {@code ledger book} span continues the record's {@code traceparent} header, else
 * its envelope's trace id; the entry records its trace id and its events are published as children
 * of that span. After the commit, a {@code ledger booked} child span is in scope while the outcome
 * is logged on the {@code paystream.trail} logger.
 */
public final class ProviderSettlementListener {

  private static final Logger log = LoggerFactory.getLogger(ProviderSettlementListener.class);
  private static final Logger trail = LoggerFactory.getLogger("paystream.trail");

  private final Deserializer<Settlement> deserializer;
  private final ProviderSettlementService service;
  private final Traces traces;

  /**
   * Without a tracer: nothing is traced, and the envelopes' trace ids are passed on as they are.
   */
  public ProviderSettlementListener(SchemaRegistry registry, ProviderSettlementService service) {
    this(registry, service, new Traces(Tracer.NOOP));
  }

  public ProviderSettlementListener(
      SchemaRegistry registry, ProviderSettlementService service, Traces traces) {
    this.deserializer = new AvroDeserializer<>(registry, Settlement.class);
    this.service = Objects.requireNonNull(service, "service");
    this.traces = Objects.requireNonNull(traces, "traces");
  }

  @KafkaListener(
      id = "ledger-provider-settlements",
      topics = "#{@ledgerTopics.settlements()}",
      groupId =
          "${paystream.ledger.settlements.consumer-group:"
              + "${paystream.ledger.consumer-group:ledger-svc}.settlements}",
      containerFactory = "settlementListenerContainerFactory",
      batch = "false")
  public void onSettlement(ConsumerRecord<byte[], byte[]> record) {
    SourceRef source =
        new SourceRef(
            record.topic(), record.partition(), record.offset(), record.key(), record.value());
    Decoded decoded = decode(source, record.value());
    if (decoded.skipped() != null) {
      log.atDebug()
          .addKeyValue("source", source.toString())
          .addKeyValue("kind", decoded.skipped())
          .log("settlement of another kind skipped");
      return;
    }
    Optional<TraceParent> consumed;
    SettlementRecord applied;
    Outcome outcome;
    try (Traces.Continued span =
        traces.continueRecord(record.headers(), decoded.envelopeTraceId(), "ledger book")) {
      consumed = span.context();
      applied =
          decoded.inTrace(
              span.context().isPresent() ? span.traceId() : decoded.envelopeTraceId(),
              span.spanId());
      try {
        outcome = service.apply(applied);
      } catch (RuntimeException e) {
        span.error(e);
        // Logged here because the container's retry only logs when it gives up (never).
        log.atWarn()
            .addKeyValue("source", source.toString())
            .setCause(e)
            .log("booking a settlement failed; it is retried with backoff");
        throw e;
      }
    }
    if (!(outcome instanceof Outcome.Duplicate)) {
      try (Traces.Continued span =
          consumed
              .map(parent -> traces.continueFrom(parent, "ledger booked"))
              .orElseGet(() -> traces.continueRecord(record.headers(), "", "ledger booked"))) {
        logOutcome(applied, outcome);
      }
    }
  }

  private Decoded decode(SourceRef source, byte[] value) {
    if (value == null) {
      return Decoded.unreadable(
          source, new Refusal(Refusal.DESERIALIZATION, "tombstone: the record has no value"));
    }
    Settlement settlement;
    try {
      settlement = deserializer.deserialize(source.topic(), value);
    } catch (UndecodableRecordException e) {
      return Decoded.unreadable(source, new Refusal(e.reason().name(), e.getMessage()));
    }
    if (settlement.getKind() != SettlementKind.PROVIDER_PAYOUT) {
      return new Decoded(null, source, "", null, settlement.getKind().name());
    }
    return new Decoded(settlement, source, settlement.getEnvelope().getTraceId(), null, null);
  }

  private static ProviderPayout payout(Settlement s) {
    return new ProviderPayout(
        s.getSettlementId(),
        s.getProvider(),
        s.getCurrency(),
        s.getBusinessDate(),
        s.getValueDate(),
        s.getBankAmountMinor(),
        s.getPaymentsMinor(),
        s.getRefundsMinor(),
        s.getFeesMinor(),
        s.getChargebacksMinor(),
        s.getToleratedMinor(),
        s.getUnexplainedMinor(),
        s.getLineCount(),
        s.getStatementId(),
        s.getStatementLineId(),
        s.getBreakId());
  }

  private static void logOutcome(SettlementRecord record, Outcome outcome) {
    String settlementId =
        record instanceof SettlementRecord.Payout payout ? payout.payout().settlementId() : null;
    if (outcome instanceof Outcome.Posted posted) {
      BookedEntry entry = posted.entry();
      trail.info(
          "entry booked settlementId={} entryId={} type={} effectiveDate={} messageId={}",
          settlementId,
          entry.id(),
          entry.type(),
          entry.effectiveDate(),
          record.messageId());
    } else if (outcome instanceof Outcome.NoFinancialEffect none) {
      trail.info(
          "message applied without financial effect settlementId={} messageId={} reason={}",
          settlementId,
          record.messageId(),
          none.reason());
    } else if (outcome instanceof Outcome.DeadLettered dead) {
      log.atWarn()
          .addKeyValue("source", record.source().toString())
          .addKeyValue("settlementId", settlementId)
          .addKeyValue("reasonCode", dead.refusal().code())
          .log("settlement dead-lettered: {}", dead.refusal().reason());
    }
  }

  /**
   * A decoded record: a provider payout, bytes that are none ({@code refusal}), or a settlement of
   * another kind ({@code skipped}, its kind).
   */
  private record Decoded(
      Settlement settlement,
      SourceRef source,
      String envelopeTraceId,
      Refusal refusal,
      String skipped) {

    static Decoded unreadable(SourceRef source, Refusal refusal) {
      return new Decoded(null, source, "", refusal, null);
    }

    SettlementRecord inTrace(String traceId, String spanId) {
      if (refusal != null) {
        return new SettlementRecord.Unreadable(source, refusal, traceId, spanId);
      }
      return new SettlementRecord.Payout(
          source, settlement.getEnvelope().getEventId(), payout(settlement), traceId, spanId);
    }
  }
}
