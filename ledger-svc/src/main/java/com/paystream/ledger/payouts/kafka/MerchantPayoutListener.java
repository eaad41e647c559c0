package com.paystream.ledger.payouts.kafka;

import com.paystream.ledger.payouts.PayoutSettlements;
import com.paystream.ledger.payouts.SettlementNotice;
import com.paystream.ledger.payouts.SettlementOutcome;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.recon.SettlementKind;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.UndecodableRecordException;
import com.paystream.tracing.Traces;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Reads {@code recon.settlements.v1} in its own consumer group ({@code
 * ledger-svc.merchant-payouts}) and books the merchant payouts the bank confirmed or returned;
 * provider payouts are another group's ({@code ledger-svc.settlements}) and skipped here, as are
 * kinds this version does not know.
 *
 * <p>Each record is applied in a transaction of its own with its dedupe record ({@link
 * PayoutSettlements}); the container commits the batch's offsets after the method returns (ack mode
 * BATCH), i.e. after every commit, so a redelivery finds its dedupe records and changes nothing.
 * Bytes that cannot be decoded and settlements that can never apply are dead-lettered in band and
 * the next record goes on. A failure that may pass (the database down) is reported at the record it
 * hit ({@link BatchListenerFailedException} with its index): the records before it are committed,
 * and the container seeks back to it and retries with the ledger's backoff, blocking and in order.
 *
 * <p>The container comes from a factory of its own: the payments listeners' factory positions
 * partitions from the booking journal ({@code processed_event}), which this group does not write;
 * this group starts from the group's committed offsets.
 */
public final class MerchantPayoutListener {

  private static final Logger log = LoggerFactory.getLogger(MerchantPayoutListener.class);
  private static final Logger trail = LoggerFactory.getLogger("paystream.trail");

  private final AvroDeserializer<Settlement> deserializer;
  private final PayoutSettlements settlements;
  private final SettlementDeadLetters deadLetters;
  private final Traces traces;

  public MerchantPayoutListener(
      SchemaRegistry registry,
      PayoutSettlements settlements,
      SettlementDeadLetters deadLetters,
      Traces traces) {
    this.deserializer = new AvroDeserializer<>(registry, Settlement.class);
    this.settlements = settlements;
    this.deadLetters = deadLetters;
    this.traces = traces;
  }

  @KafkaListener(
      id = "ledger-merchant-payouts",
      topics =
          "#{@ledgerTopics.names().name(T(com.paystream.schemas.topics.Topics).RECON_SETTLEMENTS)}",
      groupId =
          "${paystream.ledger.payouts.consumer-group:${paystream.ledger.consumer-group:ledger-svc}"
              + ".merchant-payouts}",
      containerFactory = "merchantPayoutsContainerFactory",
      batch = "true")
  public void onSettlements(List<ConsumerRecord<byte[], byte[]>> records) {
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<byte[], byte[]> record = records.get(i);
      try {
        apply(record);
      } catch (RuntimeException e) {
        log.atWarn()
            .addKeyValue("source", position(record))
            .setCause(e)
            .log("applying a settlement failed; it is retried with backoff");
        throw new BatchListenerFailedException("applying a settlement failed", e, i);
      }
    }
  }

  private static SettlementOutcome unreadable(ConsumerRecord<byte[], byte[]> record, String why) {
    log.atWarn()
        .addKeyValue("source", position(record))
        .addKeyValue("reason", why)
        .log("unreadable settlement skipped; the provider settlements' group dead-letters it");
    return new SettlementOutcome.NoEffect("", "unreadable: " + why);
  }

  /** Applies one record; public so tests can drive it without a broker. */
  public SettlementOutcome apply(ConsumerRecord<byte[], byte[]> record) {
    // A record nobody can read is dead-lettered once, by the provider settlements' group that
    // reads the same topic; this group only skips it.
    if (record.value() == null) {
      return unreadable(record, "tombstone: the record has no value");
    }
    Settlement settlement;
    try {
      settlement = deserializer.deserialize(record.topic(), record.value());
    } catch (UndecodableRecordException e) {
      return unreadable(record, e.getMessage());
    }
    SettlementNotice.Kind kind = kindOf(settlement.getKind());
    if (kind == null) {
      log.atDebug()
          .addKeyValue("source", position(record))
          .addKeyValue("kind", settlement.getKind())
          .log("settlement of another kind skipped");
      return new SettlementOutcome.NoEffect(settlement.getSettlementId(), "not a merchant payout");
    }
    String traceId = settlement.getEnvelope().getTraceId();
    try (Traces.Continued span =
        traces.continueRecord(record.headers(), traceId == null ? "" : traceId, "ledger book")) {
      SettlementNotice notice =
          new SettlementNotice(
              kind,
              settlement.getSettlementId(),
              settlement.getCurrency(),
              settlement.getBankAmountMinor(),
              new SettlementNotice.Source(
                  kind.wireName() + ":" + settlement.getSettlementId(),
                  record.topic(),
                  record.partition(),
                  record.offset()));
      String causation = settlement.getEnvelope().getEventId().toString();
      return logged(
          record,
          settlements.apply(
              notice,
              refusal -> deadLetters.of(record, notice.key(), causation, span.traceId(), refusal)));
    }
  }

  private static SettlementNotice.Kind kindOf(SettlementKind kind) {
    return switch (kind) {
      case MERCHANT_PAYOUT_CONFIRMED -> SettlementNotice.Kind.CONFIRMED;
      case MERCHANT_PAYOUT_RETURNED -> SettlementNotice.Kind.RETURNED;
      default -> null;
    };
  }

  private static SettlementOutcome logged(
      ConsumerRecord<byte[], byte[]> record, SettlementOutcome outcome) {
    if (outcome instanceof SettlementOutcome.Applied applied) {
      trail.info(
          "merchant payout settled payoutId={} {} entryId={}",
          applied.payoutId(),
          applied.what(),
          applied.entryId());
    } else if (outcome instanceof SettlementOutcome.NoEffect none) {
      trail.info(
          "merchant payout settlement without effect payoutId={} reason={}",
          none.payoutId(),
          none.reason());
    } else if (outcome instanceof SettlementOutcome.DeadLettered dead) {
      log.atWarn()
          .addKeyValue("source", position(record))
          .addKeyValue("reasonCode", dead.code())
          .log("settlement dead-lettered: {}", dead.reason());
    }
    return outcome;
  }

  private static String position(ConsumerRecord<?, ?> record) {
    return record.topic() + "/" + record.partition() + "@" + record.offset();
  }
}
