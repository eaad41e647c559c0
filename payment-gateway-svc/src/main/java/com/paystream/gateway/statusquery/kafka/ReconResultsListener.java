package com.paystream.gateway.statusquery.kafka;

import com.paystream.gateway.statusquery.LostOrders;
import com.paystream.gateway.statusquery.StatusQueryMetrics;
import com.paystream.gateway.support.Trail;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.schemas.recon.BreakState;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.UndecodableRecordException;
import com.paystream.tracing.Traces;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads {@code recon.results.v1}; an open {@code LOST_ORDER} of a payment this gateway has makes
 * its status query due now, and the same break published again as {@code RESOLVED} (resolved or
 * closed by an operator or a late match) ends that schedule. Values arrive as bytes and are decoded
 * here, so an undecodable record (or one naming no valid payment id) is logged, counted and skipped
 * in band: it never stops the consumer. Results are recomputable and the schedule asks about open
 * payments anyway, so skipping loses no money; the gateway writes no dead-letter topic (it is not
 * the writer of any). Other outcomes are ignored. The work on a result continues the trace of the
 * ledger record that caused it (its envelope's trace id, or the record's {@code traceparent}), so
 * that its log lines carry that trace; a lost order's status query continues it later (the schedule
 * keeps the context), and each result acted upon leaves one money-trail line.
 */
public final class ReconResultsListener {

  private static final Logger log = LoggerFactory.getLogger(ReconResultsListener.class);
  private static final Duration TRIGGER_TIMEOUT = Duration.ofSeconds(30);

  private final AvroDeserializer<ReconResult> deserializer;
  private final LostOrders lostOrders;
  private final StatusQueryMetrics metrics;
  private final Traces traces;

  public ReconResultsListener(
      SchemaRegistry registry, LostOrders lostOrders, StatusQueryMetrics metrics, Traces traces) {
    this.deserializer = new AvroDeserializer<>(registry, ReconResult.class);
    this.lostOrders = lostOrders;
    this.metrics = metrics;
    this.traces = traces;
  }

  @KafkaListener(
      id = "gateway-recon-results",
      topics = "#{@reconResultsTopicName}",
      groupId =
          "${paystream.status-queries.recon-results.group-id:payment-gateway-svc.lost-orders}",
      containerFactory = "reconResultsContainerFactory")
  public void onResult(ConsumerRecord<byte[], byte[]> record) {
    Optional<ReconResult> decoded = decode(record);
    if (decoded.isEmpty()) {
      return;
    }
    ReconResult result = decoded.get();
    try (Traces.Continued work =
        traces.continueRecord(
            record.headers(), result.getEnvelope().getTraceId(), "gateway recon-result")) {
      onResult(record, result, work.context())
          .ifPresent(
              triggered -> {
                log.info(
                    "Recon result {} for payment {}: {}",
                    result.getEnvelope().getEventId(),
                    result.getPaymentReference(),
                    triggered.meaning());
                Trail.log()
                    .info(
                        "recon result acted upon outcome={} state={} paymentId={} eventId={}"
                            + " triggered={}",
                        result.getOutcome(),
                        result.getState(),
                        result.getPaymentReference(),
                        result.getEnvelope().getEventId(),
                        triggered);
              });
    }
  }

  /** What the result triggered; empty when it was ignored or skipped. */
  private Optional<LostOrders.Triggered> onResult(
      ConsumerRecord<byte[], byte[]> record, ReconResult result, Optional<TraceParent> trace) {
    if (result.getOutcome() != ReconOutcome.LOST_ORDER
        || (result.getState() != BreakState.OPEN && result.getState() != BreakState.RESOLVED)) {
      metrics.lostOrderTrigger("ignored");
      return Optional.empty();
    }
    String reference = result.getPaymentReference().toString();
    if (!InputPolicy.IDENTIFIER.matcher(reference).matches()) {
      // Not of the shape of any payment id the suite gives out (a bank's own reference).
      skip(record, "INVALID_PAYMENT_REFERENCE");
      return Optional.empty();
    }
    PaymentId paymentId = new PaymentId(reference);
    String eventId = result.getEnvelope().getEventId().toString();
    // Blocking is right here: the offset is committed after the trigger is durable.
    if (result.getState() == BreakState.RESOLVED) {
      return Optional.ofNullable(lostOrders.breakResolved(paymentId).block(TRIGGER_TIMEOUT));
    }
    return Optional.ofNullable(
        lostOrders
            .lostOrder(
                paymentId,
                Optional.ofNullable(result.getProvider()).filter(p -> !p.isBlank()),
                eventId,
                trace)
            .block(TRIGGER_TIMEOUT));
  }

  private Optional<ReconResult> decode(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      skip(record, "EMPTY");
      return Optional.empty();
    }
    try {
      return Optional.of(deserializer.deserialize(record.topic(), record.value()));
    } catch (UndecodableRecordException e) {
      skip(record, e.reason().name());
      return Optional.empty();
    }
  }

  private void skip(ConsumerRecord<byte[], byte[]> record, String reason) {
    metrics.lostOrderTrigger("skipped");
    log.atWarn()
        .addKeyValue("topic", record.topic())
        .addKeyValue("partition", record.partition())
        .addKeyValue("offset", record.offset())
        .addKeyValue("reason", reason)
        .log("skipped a recon result we cannot use");
  }
}
