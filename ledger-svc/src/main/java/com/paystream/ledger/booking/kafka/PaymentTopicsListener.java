package com.paystream.ledger.booking.kafka;

import com.paystream.ledger.booking.AppliedRecord;
import com.paystream.ledger.booking.BookingService;
import com.paystream.ledger.booking.InboundRecord;
import com.paystream.ledger.booking.Outcome;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code payments.callbacks.v1} and {@code payments.commands.v1} in batches. Each batch is
 * applied in one database transaction and the container commits the offsets only after the method
 * returns (ack mode BATCH), so a crash in between replays the batch, which then changes nothing. A
 * transient failure propagates to the container's error handler, which retries the same batch with
 * a bounded backoff (blocking, in order: no retry topics, which would reorder a payment's
 * messages).
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
  public void onCallbacks(List<ConsumerRecord<byte[], byte[]>> records) {
    apply(records, callbacks);
  }

  @KafkaListener(
      id = "ledger-commands",
      topics = "#{@ledgerTopics.commands()}",
      groupId = "${paystream.ledger.consumer-group:ledger-svc}",
      batch = "true")
  public void onCommands(List<ConsumerRecord<byte[], byte[]>> records) {
    apply(records, commands);
  }

  private void apply(List<ConsumerRecord<byte[], byte[]>> records, MessageDecoder<?> decoder) {
    List<InboundRecord> inbound = new ArrayList<>(records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      inbound.add(decoder.decode(record));
    }
    List<AppliedRecord> applied;
    try {
      applied = booking.apply(inbound);
    } catch (RuntimeException e) {
      // Logged here because the container's batch retry only logs when it gives up (never).
      log.atWarn()
          .addKeyValue("records", records.size())
          .addKeyValue("first", inbound.get(0).source().toString())
          .setCause(e)
          .log("applying a batch failed; it is retried with backoff");
      throw e;
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
