package com.paystream.ledger.booking.kafka;

import com.paystream.ledger.booking.BookingService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Puts each assigned partition at the position the ledger's database recorded, not at the group's
 * committed offset: the offset after the highest one in {@code processed_event} (every consumed
 * record but a duplicate writes its row, with its position, in its booking transaction), or the
 * beginning of a partition of which nothing is recorded. After the database is restored to an
 * earlier instant the committed offsets are ahead of it, and starting from them would skip
 * everything booked after the restore point; the topics are kept forever, so re-reading is always
 * possible. What is re-read is booked again under the same entry ids, or is a duplicate.
 *
 * <p>Before reading the positions it takes the partitions for this instance ({@link
 * BookingService#takeOwnership}): their epochs move up, which waits for any batch of the previous
 * owner still holding them, so the positions read next include that batch; and from then on that
 * owner's batches of these partitions are fenced. Partitions revoked or lost are released: this
 * instance's own batches of them are fenced too. If the ownership cannot be taken (the database
 * does not answer within the same wait), the partitions' batches are fenced until the listener's
 * rebalance takes them again.
 *
 * <p>Boot's listener container factory applies it to every container it builds; both of the
 * ledger's listeners book. A listener that does not book (and so records no positions) must get a
 * factory of its own, or it would start from the beginning on every assignment.
 *
 * <p>The positions are then committed, so the group's offsets (and the consumer lag an SRE watches)
 * show the re-convergence backlog instead of hiding it. A failed commit is only logged.
 *
 * <p>Falling back to the committed offset when nothing is recorded would lose a partition whose
 * first record came after the restore point; and when the database cannot be read (after retrying
 * for {@link #DATABASE_WAIT}), the partition starts at its beginning: slow, never lossy. An
 * exception thrown here would not stop the container, which would then read from the committed
 * offset.
 */
public final class ResumeFromDatabase implements ConsumerAwareRebalanceListener {

  static final Duration DATABASE_WAIT = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(ResumeFromDatabase.class);

  private final BookingService booking;
  private final Duration databaseWait;

  public ResumeFromDatabase(BookingService booking) {
    this(booking, DATABASE_WAIT);
  }

  ResumeFromDatabase(BookingService booking, Duration databaseWait) {
    this.booking = booking;
    this.databaseWait = databaseWait;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    Map<String, List<Integer>> byTopic = new TreeMap<>();
    partitions.forEach(
        tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
    Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
    ConsumerGroupMetadata group = consumer.groupMetadata();
    byTopic.forEach(
        (topic, numbers) -> {
          take(group, topic, numbers);
          Map<Integer, Long> recorded = recorded(topic, numbers);
          for (int partition : numbers) {
            TopicPartition tp = new TopicPartition(topic, partition);
            long committed = consumer.position(tp);
            Long next = recorded.get(partition);
            if (next == null) {
              consumer.seekToBeginning(List.of(tp));
            } else {
              consumer.seek(tp, next);
            }
            long position = consumer.position(tp);
            logResume(tp, next, committed, position);
            positions.put(tp, new OffsetAndMetadata(position));
          }
        });
    commit(consumer, positions);
  }

  @Override
  public void onPartitionsRevokedAfterCommit(
      Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    release(partitions);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    release(partitions);
  }

  private void release(Collection<TopicPartition> partitions) {
    Map<String, List<Integer>> byTopic = new TreeMap<>();
    partitions.forEach(
        tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
    byTopic.forEach(booking::releaseOwnership);
  }

  /**
   * Takes the partitions, retrying like {@link #recorded}; logged and left unowned if it cannot.
   */
  private void take(ConsumerGroupMetadata group, String topic, List<Integer> partitions) {
    long deadline = System.nanoTime() + databaseWait.toNanos();
    long backoffMs = 200;
    while (true) {
      try {
        Map<Integer, Long> epochs =
            booking.takeOwnership(group.groupId(), topic, partitions, group.memberId());
        log.atInfo()
            .addKeyValue("topic", topic)
            .addKeyValue("epochs", epochs.toString())
            .addKeyValue("owner", group.memberId())
            .log("took ownership of the assigned partitions");
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          log.atError()
              .addKeyValue("topic", topic)
              .addKeyValue("partitions", partitions.toString())
              .setCause(e)
              .log("cannot take ownership of the partitions; their batches are fenced");
          return;
        }
        log.atWarn().addKeyValue("topic", topic).log("cannot take ownership yet; retrying");
        sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5_000);
      }
    }
  }

  /** The database's positions; empty (every partition from its beginning) if it cannot answer. */
  private Map<Integer, Long> recorded(String topic, List<Integer> partitions) {
    long deadline = System.nanoTime() + databaseWait.toNanos();
    long backoffMs = 200;
    while (true) {
      try {
        return booking.resumeOffsets(topic, partitions);
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          log.atError()
              .addKeyValue("topic", topic)
              .setCause(e)
              .log("cannot read consumed positions; reading the partitions from their beginning");
          return Map.of();
        }
        log.atWarn().addKeyValue("topic", topic).log("cannot read consumed positions; retrying");
        sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5_000);
      }
    }
  }

  private static void commit(
      Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> positions) {
    try {
      consumer.commitSync(positions);
    } catch (KafkaException e) {
      log.atWarn()
          .setCause(e)
          .log("committing the positions read from the database failed; lag may be off");
    }
  }

  /** A position behind the group's is worth a line: a restore, or duplicates read again. */
  private static void logResume(TopicPartition tp, Long recorded, long committed, long position) {
    log.atLevel(position < committed ? Level.INFO : Level.DEBUG)
        .addKeyValue("topic", tp.topic())
        .addKeyValue("partition", tp.partition())
        .addKeyValue("recordedNext", recorded == null ? "none" : recorded.toString())
        .addKeyValue("groupPosition", committed)
        .addKeyValue("position", position)
        .log("resuming from the position recorded in the ledger's database");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the database", e);
    }
  }
}
