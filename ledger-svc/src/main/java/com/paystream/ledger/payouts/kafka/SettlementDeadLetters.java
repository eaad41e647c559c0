package com.paystream.ledger.payouts.kafka;

import com.paystream.ledger.booking.OutboxMessage;
import com.paystream.ledger.journal.Refusal;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.deadletter.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The ledger's dead letter ({@code payments.callbacks.dlt.v1}, {@code failed_by=ledger-svc}) of a
 * settlement record this group can never apply: its position, key and value as read, the reason.
 * {@code message_id} stays null and {@code retryable} false: the callback relay reads the ledger's
 * dead letters as verdicts on callbacks by their message id, and a settlement is none of its
 * callbacks. The event id derives from the record's dedupe key, so a dead letter written again
 * after a crash has the same id.
 */
public final class SettlementDeadLetters {

  private final String topic;
  private final Serializer<SpecificRecord> serializer;
  private final Clock clock;

  public SettlementDeadLetters(String topic, Serializer<SpecificRecord> serializer, Clock clock) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    this.clock = clock;
  }

  /**
   * The dead letter of {@code record} for {@code refusal}; {@code sourceKey} its dedupe key, {@code
   * causationId} the settlement's event id when it could be read, {@code traceId} its trace.
   */
  public OutboxMessage of(
      ConsumerRecord<byte[], byte[]> record,
      String sourceKey,
      String causationId,
      String traceId,
      Refusal refusal) {
    UUID eventId =
        UUID.nameUUIDFromBytes(
            ("paystream-ledger/dead-letter/merchant-payouts/" + sourceKey)
                .getBytes(StandardCharsets.UTF_8));
    Instant now = clock.instant();
    String position = record.topic() + "/" + record.partition() + "/" + record.offset();
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setEnvelope(
                Envelope.newBuilder()
                    .setEventId(eventId)
                    .setCausationId(causationId != null ? causationId : position)
                    .setOccurredAt(now)
                    .setRecordedAt(now)
                    .setTraceId(traceId == null ? "" : traceId)
                    .build())
            .setSourceTopic(record.topic())
            .setSourcePartition(record.partition())
            .setSourceOffset(record.offset())
            .setMessageId(null)
            .setPaymentId(null)
            .setFailedBy("ledger-svc")
            .setReasonCode(refusal.code())
            .setReason(refusal.reason())
            .setRetryable(false)
            .setOriginalKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
            .setOriginalValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
            .build();
    String key = record.key() != null ? new String(record.key(), StandardCharsets.UTF_8) : position;
    return new OutboxMessage(eventId, topic, key, serializer.serialize(topic, letter), traceId);
  }
}
