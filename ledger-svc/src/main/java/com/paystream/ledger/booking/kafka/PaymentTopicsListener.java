package com.paystream.ledger.booking.kafka;

import com.paystream.ledger.booking.AppliedRecord;
import com.paystream.ledger.booking.BookingService;
import com.paystream.ledger.booking.Fenced;
import com.paystream.ledger.booking.InboundRecord;
import com.paystream.ledger.booking.Outcome;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Consumes {@code payments.callbacks.v1} and {@code payments.commands.v1} in batches. Each batch is
 * applied in one database transaction and the container commits the offsets only after the method
 * returns (ack mode BATCH), so a crash in between replays the batch, which then changes nothing. A
 * failed batch goes to the container's error handler as a {@link BatchListenerFailedException} at
 * its first record: nothing is committed, every partition of the batch is sought back to the
 * batch's first record, and after a bounded backoff the consumer polls again (blocking, in order:
 * no retry topics, which would reorder a payment's messages). Polling again rather than calling the
 * listener with the same records lets the consumer process a rebalance in between: a partition lost
 * meanwhile is not retried by this instance, and one taken again resumes from the database.
 *
 * <p>A batch {@link Fenced} (another instance owns one of its partitions now) is handled the same
 * way without the backoff, and the consumer is asked to rejoin its group, so that the next poll
 * brings the assignment it holds now and takes those partitions again.
 *
 * <p>Where each partition is read from is the ledger's database, not the group's committed offset:
 * see {@link ResumeFromDatabase}.
 */
public final class PaymentTopicsListener {

  private static final Logger log = LoggerFactory.getLogger(PaymentTopicsListener.class);

  private final MessageDecoder<PaymentCallback> callbacks;
  private final MessageDecoder<PaymentCommand> commands;
  private final BookingService booking;

  public PaymentTopicsListener(SchemaRegistry registry, BookingService booking) {
    this.callbacks =
        new MessageDecoder<>(
            new AvroDeserializer<>(registry, PaymentCallback.class), Messages::callback);
    this.commands =
        new MessageDecoder<>(
            new AvroDeserializer<>(registry, PaymentCommand.class), Messages::command);
    this.booking = booking;
  }

  @KafkaListener(
      id = "ledger-callbacks",
      topics = "#{@ledgerTopics.callbacks()}",
      groupId = "${paystream.ledger.consumer-group:ledger-svc}",
      batch = "true")
  public void onCallbacks(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
    apply(records, callbacks, consumer);
  }

  @KafkaListener(
      id = "ledger-commands",
      topics = "#{@ledgerTopics.commands()}",
      groupId = "${paystream.ledger.consumer-group:ledger-svc}",
      batch = "true")
  public void onCommands(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
    apply(records, commands, consumer);
  }

  private void apply(
      List<ConsumerRecord<byte[], byte[]>> records,
      MessageDecoder<?> decoder,
      Consumer<?, ?> consumer) {
    List<InboundRecord> inbound = new ArrayList<>(records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      inbound.add(decoder.decode(record));
    }
    List<AppliedRecord> applied;
    try {
      applied = booking.apply(inbound);
    } catch (Fenced fenced) {
      // Logged by the booking service. Whatever assignment the group gave this consumer meanwhile,
      // the next poll brings it (a no-op if the consumer already knows it must rejoin).
      consumer.enforceRebalance("ledger batch fenced: " + fenced.getMessage());
      throw new BatchListenerFailedException(fenced.getMessage(), fenced, 0);
    } catch (RuntimeException e) {
      // Logged here because the container's retry only logs when it gives up (never).
      log.atWarn()
          .addKeyValue("records", records.size())
          .addKeyValue("first", inbound.get(0).source().toString())
          .setCause(e)
          .log("applying a batch failed; it is retried with backoff");
      throw new BatchListenerFailedException("applying a batch failed", e, 0);
    }
    applied.forEach(PaymentTopicsListener::logDeadLetter);
  }

  private static void logDeadLetter(AppliedRecord applied) {
    if (applied.outcome() instanceof Outcome.DeadLettered dead) {
      log.atWarn()
          .addKeyValue("source", applied.record().source().toString())
          .addKeyValue("sourceEventId", applied.record().sourceEventId())
          .addKeyValue("reasonCode", dead.refusal().code())
          .log("message dead-lettered: {}", dead.refusal().reason());
    } else if (applied.outcome() instanceof Outcome.Parked) {
      log.atInfo()
          .addKeyValue("source", applied.record().source().toString())
          .addKeyValue("sourceEventId", applied.record().sourceEventId())
          .log("command parked until its payment is booked");
    }
  }
}
