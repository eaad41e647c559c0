package com.paystream.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A producer that replaces its Kafka producer once that one reported an error it may never get
 * past, so that a long-running publisher does not keep failing until it is restarted.
 *
 * <p>An idempotent producer numbers its batches per partition under a producer id and epoch, and
 * the broker accepts only the next number. When the two disagree (a broker that lost or never had
 * the producer's state, another producer given the same id) the client tries to bump its epoch by
 * itself, but not always with success: it retries a batch the broker refuses as out of order until
 * the delivery timeout (KAFKA-14359), and two producers sharing an id fail each other's batches for
 * as long as both live. Some errors (a fenced producer, an unsupported version, a refused cluster
 * authorization) put it in a fatal state where every later send fails. A new producer has a new id
 * and starts its sequences at 0, which the broker always accepts.
 *
 * <p>When a send's callback reports such an error (see {@link #leavesUnusable}), or {@code send} or
 * {@code flush} throws because the producer is in an error state, the producer is marked failed;
 * the next {@code send} closes it without waiting and creates a new one from the factory, with a
 * WARN naming the cause. Records it had not delivered yet fail to their callers, which send them
 * again (the outbox publishers do, by rolling back the batch), so a record may arrive twice: the
 * consumers deduplicate by message id, as for any re-sent row.
 *
 * <p>It is not transactional: a transaction cannot continue on a new producer, so the transactional
 * methods refuse. Metrics, partitions and client instance id are those of the current producer.
 */
public final class RecoveringProducer<K, V> implements Producer<K, V> {

  private static final Logger log = LoggerFactory.getLogger(RecoveringProducer.class);

  /**
   * The errors after which an idempotent, non-transactional producer of this client may stay unable
   * to deliver: the sequence and epoch errors, and those its transaction manager treats as fatal
   * ({@code TransactionManager.maybeTransitionToErrorState}, kafka-clients 4.2).
   */
  private static final List<Class<? extends Exception>> UNUSABLE =
      List.of(
          OutOfOrderSequenceException.class,
          UnknownProducerIdException.class,
          InvalidProducerEpochException.class,
          ProducerFencedException.class,
          InvalidPidMappingException.class,
          UnsupportedVersionException.class,
          ClusterAuthorizationException.class);

  private final String name;
  private final Supplier<Producer<K, V>> factory;
  private final Object swap = new Object();
  private volatile Delegate<K, V> current;
  private volatile boolean closed;

  /** {@code name} identifies it in logs (the client id); {@code factory} makes each producer. */
  public RecoveringProducer(String name, Supplier<Producer<K, V>> factory) {
    this.name = Objects.requireNonNull(name, "name");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.current = new Delegate<>(factory.get());
  }

  /** One producer of the factory, and the first error that left it unusable, if one did. */
  private record Delegate<K, V>(Producer<K, V> producer, AtomicReference<Throwable> failure) {

    Delegate(Producer<K, V> producer) {
      this(producer, new AtomicReference<>());
    }

    boolean failed() {
      return failure.get() != null;
    }

    void failIf(boolean unusable, Throwable error) {
      if (unusable) {
        failure.compareAndSet(null, error);
      }
    }
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<K, V> record) {
    return send(record, null);
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
    Delegate<K, V> delegate = usable();
    try {
      // The client runs callbacks before it completes the future: a caller who sees the failure
      // finds the producer marked failed already.
      return delegate
          .producer()
          .send(
              record,
              (metadata, exception) -> {
                delegate.failIf(leavesUnusable(exception), exception);
                if (callback != null) {
                  callback.onCompletion(metadata, exception);
                }
              });
    } catch (RuntimeException e) {
      delegate.failIf(leavesUnusable(e) || rethrowsItsError(e), e);
      throw e;
    }
  }

  @Override
  public void flush() {
    Delegate<K, V> delegate = current;
    try {
      delegate.producer().flush();
    } catch (RuntimeException e) {
      delegate.failIf(leavesUnusable(e) || rethrowsItsError(e), e);
      throw e;
    }
  }

  /**
   * Whether {@code error}, or one of its causes, is one after which the producer that reported it
   * may never deliver again.
   */
  static boolean leavesUnusable(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      for (Class<? extends Exception> type : UNUSABLE) {
        if (type.isInstance(e)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A producer in an error state throws from every send the error it recorded, as the cause of a
   * {@link KafkaException} or {@link IllegalStateException}; whatever that error was, it is there
   * for good. A serializer's failure concerns one record only.
   */
  static boolean rethrowsItsError(RuntimeException thrown) {
    boolean wrapper =
        thrown instanceof KafkaException && !(thrown instanceof SerializationException)
            || thrown instanceof IllegalStateException;
    return wrapper && thrown.getCause() instanceof RuntimeException;
  }

  /** The current producer, after replacing it if it failed. */
  private Delegate<K, V> usable() {
    Delegate<K, V> delegate = current;
    if (!delegate.failed() && !closed) {
      return delegate;
    }
    Delegate<K, V> replaced;
    Delegate<K, V> fresh;
    synchronized (swap) {
      if (closed) {
        throw new IllegalStateException("producer " + name + " is closed");
      }
      if (!current.failed()) {
        return current; // another sender replaced it meanwhile
      }
      replaced = current;
      fresh = new Delegate<>(factory.get());
      current = fresh;
    }
    // Outside the lock: closing runs the callbacks of the records it drops, and one of them might
    // send again. Without waiting: those records fail to their callers, who send them again.
    replaced.producer().close(Duration.ZERO);
    log.atWarn()
        .addKeyValue("producer", name)
        .setCause(replaced.failure().get())
        .log("the producer could no longer deliver: closed it and created a new one");
    return fresh;
  }

  @Override
  public void close() {
    Producer<K, V> last = closeOnce();
    if (last != null) {
      last.close();
    }
  }

  @Override
  public void close(Duration timeout) {
    Producer<K, V> last = closeOnce();
    if (last != null) {
      last.close(timeout);
    }
  }

  /** Refuses every later send; returns the producer to close, or null when it was closed before. */
  private Producer<K, V> closeOnce() {
    synchronized (swap) {
      if (closed) {
        return null;
      }
      closed = true;
      return current.producer();
    }
  }

  @Override
  public List<PartitionInfo> partitionsFor(String topic) {
    return current.producer().partitionsFor(topic);
  }

  @Override
  public Map<MetricName, ? extends Metric> metrics() {
    return current.producer().metrics();
  }

  @Override
  public Uuid clientInstanceId(Duration timeout) {
    return current.producer().clientInstanceId(timeout);
  }

  @Override
  public void registerMetricForSubscription(KafkaMetric metric) {
    current.producer().registerMetricForSubscription(metric);
  }

  @Override
  public void unregisterMetricFromSubscription(KafkaMetric metric) {
    current.producer().unregisterMetricFromSubscription(metric);
  }

  @Override
  public void initTransactions() {
    throw notTransactional();
  }

  @Override
  public void beginTransaction() {
    throw notTransactional();
  }

  @Override
  public void sendOffsetsToTransaction(
      Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
    throw notTransactional();
  }

  @Override
  public void commitTransaction() {
    throw notTransactional();
  }

  @Override
  public void abortTransaction() {
    throw notTransactional();
  }

  private UnsupportedOperationException notTransactional() {
    return new UnsupportedOperationException(
        "producer " + name + " is not transactional: a transaction cannot continue on a new one");
  }
}
