package com.paystream.gateway.callbacks.kafka;

import com.paystream.gateway.callbacks.CallbackLog;
import com.paystream.gateway.callbacks.CallbackSource;
import com.paystream.gateway.callbacks.ProviderReport;
import com.paystream.gateway.callbacks.RecordedCallback;
import com.paystream.gateway.callbacks.VerifiedCallback;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.platform.ids.CallbackId;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code payments.callbacks.v1} read once, without a consumer group (nothing is committed): every
 * partition from its beginning, or from the first record published at or after {@code since}, up to
 * the end offsets taken when reading began (read-committed). A callback comes back as the gateway
 * recorded it: its callback id, provider event id, facts and recording time from the record. The
 * inbox keeps the published record's bytes as the raw body (the provider's bytes are not on the
 * topic) and says in a header where it came from.
 */
public final class KafkaCallbackLog implements CallbackLog {

  /** Header of a re-imported inbox row: the topic, partition and offset it was read from. */
  public static final String REIMPORTED_FROM = "paystream-reimported-from";

  private static final Logger log = LoggerFactory.getLogger(KafkaCallbackLog.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Consumer<byte[], byte[]> consumer;
  private final Deserializer<PaymentCallback> values;
  private final Map<TopicPartition, Long> ends;
  private final Set<TopicPartition> open;
  private final Duration stallTimeout;
  private final Map<TopicPartition, Long> lastPositions = new HashMap<>();
  private long unreadable;

  private KafkaCallbackLog(
      Consumer<byte[], byte[]> consumer,
      Deserializer<PaymentCallback> values,
      Map<TopicPartition, Long> ends,
      Duration stallTimeout) {
    this.consumer = consumer;
    this.values = values;
    this.ends = ends;
    this.open = new HashSet<>(ends.keySet());
    this.stallTimeout = stallTimeout;
  }

  /**
   * Assigns every partition of the topic and positions the consumer; {@code consumer} must not
   * commit (no group) and should return at most a batch per poll ({@code max.poll.records}).
   */
  public static KafkaCallbackLog open(
      Consumer<byte[], byte[]> consumer,
      Topic<PaymentCallback> topic,
      SchemaRegistry registry,
      Optional<Instant> since,
      Duration stallTimeout) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic.name());
    if (infos == null || infos.isEmpty()) {
      consumer.close();
      throw new IllegalStateException(
          "topic " + topic.name() + " does not exist: nothing to re-import from");
    }
    List<TopicPartition> partitions =
        infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    consumer.assign(partitions);
    Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
    if (since.isPresent()) {
      seekToTime(consumer, partitions, ends, since.get());
    } else {
      consumer.seekToBeginning(partitions);
    }
    return new KafkaCallbackLog(
        consumer, topic.valueSerde(registry).deserializer(), ends, stallTimeout);
  }

  /** A partition with nothing published at or after {@code since} starts at its end. */
  private static void seekToTime(
      Consumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> ends,
      Instant since) {
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(tp -> times.put(tp, since.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp at = found.get(tp);
      consumer.seek(tp, at == null ? ends.get(tp) : at.offset());
    }
  }

  @Override
  public List<RecordedCallback> next() {
    List<RecordedCallback> batch = new ArrayList<>();
    Instant deadline = Instant.now().plus(stallTimeout);
    while (batch.isEmpty() && !caughtUp()) {
      int before = batch.size();
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
          decode(record).ifPresent(batch::add);
        }
      }
      if (batch.size() > before || progressed()) {
        deadline = Instant.now().plus(stallTimeout);
      } else if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "re-import made no progress for " + stallTimeout + "; partitions left: " + open);
      }
    }
    return batch;
  }

  /** True when some partition's position moved since the last call (unreadable records count). */
  private boolean progressed() {
    boolean moved = false;
    for (TopicPartition tp : open) {
      long position = consumer.position(tp);
      Long last = lastPositions.put(tp, position);
      moved |= last == null || last != position;
    }
    return moved;
  }

  /** Pauses the partitions that reached their end; true when all have. */
  private boolean caughtUp() {
    List<TopicPartition> done = new ArrayList<>();
    for (TopicPartition tp : open) {
      if (consumer.position(tp) >= ends.get(tp)) {
        done.add(tp);
      }
    }
    if (!done.isEmpty()) {
      consumer.pause(done);
      done.forEach(open::remove);
    }
    return open.isEmpty();
  }

  private Optional<RecordedCallback> decode(ConsumerRecord<byte[], byte[]> record) {
    try {
      PaymentCallback callback = values.deserialize(record.topic(), record.value());
      return Optional.of(recorded(callback, record));
    } catch (RuntimeException e) {
      unreadable++;
      log.atWarn()
          .addKeyValue("topic", record.topic())
          .addKeyValue("partition", record.partition())
          .addKeyValue("offset", record.offset())
          .addKeyValue("error", e.toString())
          .log("a record on the callbacks topic is no callback the gateway recorded; skipped");
      return Optional.empty();
    }
  }

  static RecordedCallback recorded(PaymentCallback callback, ConsumerRecord<?, byte[]> record) {
    PaymentStatus status = PaymentStatus.valueOf(callback.getStatus().name());
    ProviderReport report =
        new ProviderReport(
            new PaymentId(callback.getPaymentId()),
            new MerchantId(callback.getMerchantId()),
            Money.of(callback.getAmountMinor(), callback.getCurrency()),
            status,
            Optional.ofNullable(callback.getProviderPaymentId()),
            "reimported." + status.name().toLowerCase(Locale.ROOT),
            callback.getEnvelope().getOccurredAt());
    VerifiedCallback verified =
        new VerifiedCallback(
            callback.getProvider(),
            callback.getProviderEventId(),
            CallbackSource.valueOf(callback.getSource().name()),
            report,
            record.value(),
            Map.of(
                REIMPORTED_FROM, record.topic() + "/" + record.partition() + "@" + record.offset()),
            callback.getEnvelope().getTraceId());
    return new RecordedCallback(
        new CallbackId(callback.getCallbackId()), verified, callback.getEnvelope().getRecordedAt());
  }

  @Override
  public long unreadable() {
    return unreadable;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
