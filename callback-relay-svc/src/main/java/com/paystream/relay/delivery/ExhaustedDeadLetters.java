package com.paystream.relay.delivery;

import com.paystream.platform.outbox.DeadLetterFactory;
import com.paystream.platform.outbox.OutboxRecord;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.deadletter.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The dead letter for a message the ledger never confirmed: the original bytes, the attempts made,
 * and a reason operators can act on (redrive once the ledger is healthy again).
 */
public final class ExhaustedDeadLetters implements DeadLetterFactory {

  static final String SERVICE = "callback-relay-svc";
  static final String REASON_CODE = "RETRIES_EXHAUSTED";

  private final String topic;
  private final Serializer<DeadLetter> serializer;
  private final Clock clock;

  public ExhaustedDeadLetters(String topic, Serializer<DeadLetter> serializer, Clock clock) {
    this.topic = topic;
    this.serializer = serializer;
    this.clock = clock;
  }

  @Override
  public ProducerRecord<String, byte[]> deadLetterFor(OutboxRecord row) {
    long now = clock.millis();
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setEnvelope(
                Envelope.newBuilder()
                    // A fresh id per dead-lettering: after a redrive the same message can run out
                    // of its schedule again with the same attempt count, and that second dead
                    // letter must not be taken for a duplicate of the first. A batch retried after
                    // a crash may repeat a dead letter; operators group them by message id.
                    .setEventId(UUID.randomUUID())
                    .setCausationId(row.messageId().toString())
                    .setOccurredAt(Instant.ofEpochMilli(now))
                    .setRecordedAt(Instant.ofEpochMilli(now))
                    .setTraceId(row.traceId())
                    .build())
            .setSourceTopic(row.topic())
            .setMessageId(row.messageId().toString())
            .setPaymentId(row.key())
            .setFailedBy(SERVICE)
            .setReasonCode(REASON_CODE)
            .setReason(
                "not confirmed by the ledger after "
                    + row.attempts()
                    + " publications; redrive once the cause is fixed")
            .setRetryable(true)
            .setOriginalKey(ByteBuffer.wrap(row.key().getBytes(StandardCharsets.UTF_8)))
            .setOriginalValue(ByteBuffer.wrap(row.payload()))
            .build();
    return new ProducerRecord<>(topic, row.key(), serializer.serialize(topic, letter));
  }
}
