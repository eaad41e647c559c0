package com.paystream.ledger.publishing;

import com.paystream.ledger.booking.OutboxBundle;
import com.paystream.ledger.booking.OutboxMessage;
import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.outbox.OutboxRecord;
import com.paystream.platform.outbox.PublishTracing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * The producer the outbox publisher sends through: an {@link OutboxBundle} row becomes the records
 * it holds, sent in order, each with its own message id and trace id headers and the bundle's
 * delivery attempt; every other record passes through unchanged. The records of one bundle belong
 * to many traces (one per booked record), so the bundle row has none of its own and each record's
 * publication continues its own trace here, as the publisher does for a plain row: {@link
 * PublishTracing} opens it (a producer span, child of the span that booked the record) and the
 * record's {@code traceparent} header names it. The future of a bundle completes when the broker
 * acknowledged all of its records, and fails with the first failure, so the publisher marks the row
 * published only when every record is in (a failed bundle is sent again whole; consumers
 * deduplicate by event id, as for any re-sent row).
 */
public final class BundleFanOutProducer implements Producer<String, byte[]> {

  private final Producer<String, byte[]> delegate;
  private final PublishTracing tracing;

  public BundleFanOutProducer(Producer<String, byte[]> delegate) {
    this(delegate, PublishTracing.STORED);
  }

  public BundleFanOutProducer(Producer<String, byte[]> delegate, PublishTracing tracing) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.tracing = Objects.requireNonNull(tracing, "tracing");
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
    return send(record, null);
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
    if (!OutboxBundle.isBundle(record.topic())) {
      return delegate.send(record, callback);
    }
    List<OutboxMessage> messages = OutboxBundle.unpack(record.value());
    Header attempt = record.headers().lastHeader(OutboxHeaders.DELIVERY_ATTEMPT);
    CompletableFuture<RecordMetadata> all = new CompletableFuture<>();
    if (messages.isEmpty()) {
      all.complete(null);
    }
    AtomicInteger pending = new AtomicInteger(messages.size());
    for (OutboxMessage message : messages) {
      ProducerRecord<String, byte[]> inner = record(message, attempt);
      try (PublishTracing.Publication publication = tracing.open(row(message))) {
        publication.context().ifPresent(c -> OutboxHeaders.writeTraceParent(inner.headers(), c));
        delegate.send(
            inner,
            (metadata, exception) -> {
              if (exception != null) {
                all.completeExceptionally(exception);
              } else if (pending.decrementAndGet() == 0) {
                all.complete(metadata);
              }
            });
      }
    }
    if (callback != null) {
      all.whenComplete(
          (metadata, failure) ->
              callback.onCompletion(
                  metadata,
                  failure == null || failure instanceof Exception
                      ? (Exception) failure
                      : new IllegalStateException(failure)));
    }
    return all;
  }

  private static ProducerRecord<String, byte[]> record(OutboxMessage message, Header attempt) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(message.topic(), message.key(), message.payload());
    record
        .headers()
        .add(
            OutboxHeaders.MESSAGE_ID,
            message.messageId().toString().getBytes(StandardCharsets.UTF_8));
    if (!message.traceId().isEmpty()) {
      record
          .headers()
          .add(OutboxHeaders.TRACE_ID, message.traceId().getBytes(StandardCharsets.UTF_8));
    }
    if (attempt != null) {
      record.headers().add(attempt);
    }
    return record;
  }

  /**
   * The message as a row of its own, for {@link PublishTracing}, which reads its trace, topic and
   * message id; it was never a row, so it has no sequence, attempts or creation time.
   */
  private static OutboxRecord row(OutboxMessage message) {
    return new OutboxRecord(
        0,
        message.messageId(),
        message.topic(),
        message.key(),
        message.payload(),
        message.traceId(),
        0,
        Instant.EPOCH,
        message.spanId());
  }

  @Override
  public void flush() {
    delegate.flush();
  }

  @Override
  public List<PartitionInfo> partitionsFor(String topic) {
    return delegate.partitionsFor(topic);
  }

  @Override
  public Map<MetricName, ? extends Metric> metrics() {
    return delegate.metrics();
  }

  @Override
  public Uuid clientInstanceId(Duration timeout) {
    return delegate.clientInstanceId(timeout);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public void close(Duration timeout) {
    delegate.close(timeout);
  }

  @Override
  public void registerMetricForSubscription(KafkaMetric metric) {
    delegate.registerMetricForSubscription(metric);
  }

  @Override
  public void unregisterMetricFromSubscription(KafkaMetric metric) {
    delegate.unregisterMetricFromSubscription(metric);
  }

  // The outbox publisher does not use transactions (it is idempotent and at least once).

  @Override
  public void initTransactions() {
    throw new UnsupportedOperationException("the outbox producer is not transactional");
  }

  @Override
  public void beginTransaction() {
    throw new UnsupportedOperationException("the outbox producer is not transactional");
  }

  @Override
  public void sendOffsetsToTransaction(
      Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
    throw new UnsupportedOperationException("the outbox producer is not transactional");
  }

  @Override
  public void commitTransaction() {
    throw new UnsupportedOperationException("the outbox producer is not transactional");
  }

  @Override
  public void abortTransaction() {
    throw new UnsupportedOperationException("the outbox producer is not transactional");
  }
}
