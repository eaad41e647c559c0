package com.paystream.relay.delivery;

import com.paystream.platform.outbox.DeadLetterFactory;
import com.paystream.platform.outbox.OutboxPublisher;
import com.paystream.platform.outbox.PublishObserver;
import com.paystream.platform.outbox.PublishTracing;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;

/**
 * The relay's outbox publisher: the platform's {@link OutboxPublisher}, reading the gateway's
 * outbox as a log ({@link FirstPublications}) and re-delivering until the ledger confirms ({@link
 * Redeliveries}).
 *
 * <p>One instance leads: it holds a session-level advisory lock on its listen connection, and only
 * the leader publishes, so first publications keep the order per payment with several instances
 * running; the others stand by and take over when the leader's connection ends (a crash, kill -9 or
 * lost connection releases the lock). First publications are pipelined, and the cursor moves past a
 * batch only after its last acknowledgement; re-deliveries are one transaction per batch that
 * commits after the last acknowledgement. Due re-deliveries are looked for at most once per poll
 * interval, or at once after a redrive (notification payload {@value #REDRIVE}).
 */
public final class RelayPublisher {

  /** Notification payload that asks for a look at re-deliveries now (a redrive committed). */
  public static final String REDRIVE = OutboxPublisher.CLAIM_NOW;

  private static final long LEADER_LOCK_KEY = 0x72656c6179L; // "relay"

  private RelayPublisher() {}

  /**
   * {@code tracing}: how each row's publication continues its trace ({@link PublicationTrail});
   * {@code redeliverySchedule}: the wait for a confirmation after each publication (its length is
   * the number of publications before dead-lettering).
   */
  public static OutboxPublisher create(
      DataSource dataSource,
      Producer<String, byte[]> producer,
      DeadLetterFactory deadLetters,
      PublishObserver observer,
      PublishTracing tracing,
      OutboxPublisher.Settings settings,
      List<Duration> redeliverySchedule) {
    return OutboxPublisher.builder(dataSource, producer, settings)
        .observer(observer)
        // First publications and re-deliveries alike: a producer span per row, a child of the
        // span that recorded it, named by the record's traceparent (see PublicationTrail).
        .tracing(tracing)
        .leaderLock(LEADER_LOCK_KEY)
        // The log queries compare with the cursor's position, and a generic plan (which PostgreSQL
        // may settle on for a prepared statement) cannot tell how few rows lie beyond it; planning
        // these small queries each time costs less than one wrong plan.
        .sessionSetting("plan_cache_mode", "force_custom_plan")
        // A batch must walk the primary key from the cursor and stop after one batch; a plan that
        // collects the rest of a large window and sorts it would read it all again for every
        // batch.
        .sessionSetting("enable_sort", "off")
        .sessionSetting("enable_bitmapscan", "off")
        // A cursor move lost with the last moments of a database crash only sends its batch again,
        // which at-least-once delivery allows (the ledger deduplicates by message id); waiting for
        // its WAL flush would hold every batch of the pipeline back.
        .sessionSetting("synchronous_commit", "off")
        .log(new FirstPublications())
        .claims(new Redeliveries(redeliverySchedule), settings.pollInterval())
        .deadLetters(deadLetters)
        .build();
  }
}
