package com.paystream.recon.matching.streams;

import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.schemas.serde.UndecodableRecordException;
import com.paystream.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds the dead-letter record for a record the topology cannot read or process: the original key
 * and bytes, where they came from, and why. Written by Kafka Streams in the same transaction as the
 * task's other output.
 */
final class DeadLetters {

  /** Streams config key: the dead-letter topic's name. */
  static final String TOPIC_CONFIG = "paystream.recon.dead-letter-topic";

  /**
   * Streams config key: the {@link MeterRegistry} that counts dead letters ({@value #METER}, tags
   * {@code reason} and {@code topic}); absent, nothing is counted (topology tests, the benchmark).
   *
   * <p>The handlers are created by Kafka Streams from their class names and get nothing but this
   * config map, which carries objects as well as strings (Kafka hands pluggable classes their
   * dependencies this way). It is per {@code KafkaStreams} instance, so two applications in one JVM
   * (the two-instance test, the e2e suites) each count into their own registry, which a static
   * holder would mix up; and nothing outlives the application that put it there.
   */
  static final String METERS_CONFIG = "paystream.recon.dead-letter-meters";

  /**
   * Micrometer's name, the same in every service that dead-letters; {@code
   * paystream_dead_letters_total} in Prometheus.
   */
  static final String METER = "paystream.dead.letters";

  static final String FAILED_BY = "reconciliation-svc";

  private final String topic;
  private final AvroSerializer<DeadLetter> serializer;
  private final Optional<MeterRegistry> meters;

  private DeadLetters(
      String topic, AvroSerializer<DeadLetter> serializer, Optional<MeterRegistry> meters) {
    this.topic = topic;
    this.serializer = serializer;
    this.meters = meters;
  }

  /** From the Streams config handed to a handler's {@code configure}. */
  static DeadLetters fromConfig(Map<String, ?> configs) {
    Object topic = configs.get(TOPIC_CONFIG);
    if (topic == null || topic.toString().isBlank()) {
      throw new IllegalStateException(TOPIC_CONFIG + " is not set");
    }
    var serializer =
        new AvroSerializer<DeadLetter>(
            AvroSerdeConfig.registry(configs),
            SubjectNameStrategy.fixed(Topics.PAYMENT_CALLBACKS_DLT.valueSubject()));
    Object meters = configs.get(METERS_CONFIG);
    if (meters != null && !(meters instanceof MeterRegistry)) {
      throw new IllegalStateException(
          METERS_CONFIG + " must be a MeterRegistry, was " + meters.getClass().getName());
    }
    return new DeadLetters(
        topic.toString(), serializer, Optional.ofNullable((MeterRegistry) meters));
  }

  /**
   * @param paymentId the payment the record was about, when it could be read; else null
   */
  List<ProducerRecord<byte[], byte[]>> letterFor(
      ErrorHandlerContext context, byte[] key, byte[] value, Exception failure, String paymentId) {
    String reasonCode = reasonCode(failure);
    // Counted when the handler decides: a transaction that aborts afterwards (the record is read
    // again) counts it again, so the counter may run ahead of the dead-letter topic, never behind.
    meters.ifPresent(
        registry ->
            registry
                .counter(METER, "reason", reasonCode, "topic", String.valueOf(context.topic()))
                .increment());
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setEnvelope(
                Envelope.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setCausationId(
                        context.topic() + "-" + context.partition() + "@" + context.offset())
                    .setOccurredAt(Instant.ofEpochMilli(Math.max(0, context.timestamp())))
                    .setRecordedAt(Instant.now())
                    .setTraceId("")
                    .build())
            .setSourceTopic(context.topic())
            .setSourcePartition(context.partition())
            .setSourceOffset(context.offset())
            .setMessageId(null)
            .setPaymentId(paymentId)
            .setFailedBy(FAILED_BY)
            .setReasonCode(reasonCode)
            .setReason(String.valueOf(failure.getMessage()))
            .setRetryable(false)
            .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
            .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
            .build();
    return List.of(new ProducerRecord<>(topic, key, serializer.serialize(topic, letter)));
  }

  static String reasonCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UndecodableRecordException undecodable) {
        return undecodable.reason().name();
      }
      if (t instanceof InvalidRecordException invalid) {
        return invalid.reasonCode();
      }
    }
    return "PROCESSING_FAILED:" + failure.getClass().getSimpleName();
  }
}
