package com.paystream.ledger.booking.kafka;

import com.paystream.ledger.booking.AppliedRecord;
import com.paystream.ledger.booking.BookingService;
import com.paystream.ledger.booking.Fenced;
import com.paystream.ledger.booking.InboundRecord;
import com.paystream.ledger.booking.Outcome;
import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.payments.MessageMeta;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.tracing.Traces;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 *
 * <p>Tracing: the records of a batch belong to as many traces, and are booked in one transaction,
 * so no span can be in scope for "the batch". Each record gets its own: when it is decoded, a
 * {@code ledger book} span continues its trace (its {@code traceparent} header, else its envelope's
 * trace id), and its trace and span ids are stamped on the message, so that its journal entry
 * records the trace id and its events are published as children of that span. After the commit, a
 * {@code ledger booked} child span is in scope while the record's outcome is logged: one line per
 * record on the {@value #TRAIL} logger, carrying the trace's {@code trace_id} and {@code span_id}.
 */
public final class PaymentTopicsListener {

  /** The project-wide money trail: one INFO line per unit of work that belongs to a trace. */
  public static final String TRAIL = "paystream.trail";

  private static final Logger log = LoggerFactory.getLogger(PaymentTopicsListener.class);
  private static final Logger trail = LoggerFactory.getLogger(TRAIL);
  private static final RecordHeaders NO_HEADERS = new RecordHeaders();

  private final MessageDecoder<PaymentCallback> callbacks;
  private final MessageDecoder<PaymentCommand> commands;
  private final BookingService booking;
  private final Traces traces;

  /**
   * Without a tracer: nothing is traced, and the envelopes' trace ids are passed on as they are.
   */
  public PaymentTopicsListener(SchemaRegistry registry, BookingService booking) {
    this(registry, booking, new Traces(Tracer.NOOP));
  }

  public PaymentTopicsListener(SchemaRegistry registry, BookingService booking, Traces traces) {
    this.traces = Objects.requireNonNull(traces, "traces");
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
    Map<InboundRecord, TraceParent> consumedIn = new IdentityHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      inbound.add(consumed(record, decoder, consumedIn));
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
    for (AppliedRecord one : applied) {
      if (!(one.outcome() instanceof Outcome.Duplicate)) {
        try (Traces.Continued span = booked(one.record(), consumedIn)) {
          logOutcome(one);
        }
      }
    }
  }

  /**
   * Decodes the record and continues its trace: the message carries the trace id and the id of the
   * span that consumed it (no span: the envelope's trace id as it was).
   */
  private InboundRecord consumed(
      ConsumerRecord<byte[], byte[]> record,
      MessageDecoder<?> decoder,
      Map<InboundRecord, TraceParent> consumedIn) {
    InboundRecord decoded = decoder.decode(record);
    String envelopeTraceId =
        decoded instanceof InboundRecord.Readable readable
            ? readable.message().meta().traceId()
            : "";
    try (Traces.Continued span =
        traces.continueRecord(record.headers(), envelopeTraceId, "ledger book")) {
      if (span.context().isEmpty()) {
        return decoded;
      }
      InboundRecord stamped;
      if (decoded instanceof InboundRecord.Readable readable) {
        MessageMeta meta = readable.message().meta().inSpan(span.traceId(), span.spanId());
        stamped = new InboundRecord.Readable(readable.source(), readable.message().withMeta(meta));
      } else {
        stamped = ((InboundRecord.Unreadable) decoded).inSpan(span.traceId(), span.spanId());
      }
      consumedIn.put(stamped, span.context().get());
      return stamped;
    }
  }

  /**
   * The span the record's outcome is logged in: a child of the span that consumed it, or, for a
   * parked command this batch applied, of the trace it was parked in.
   */
  private Traces.Continued booked(
      InboundRecord record, Map<InboundRecord, TraceParent> consumedIn) {
    TraceParent consumed = consumedIn.get(record);
    if (consumed != null) {
      return traces.continueFrom(consumed, "ledger booked");
    }
    String traceId =
        record instanceof InboundRecord.Readable readable
            ? readable.message().meta().traceId()
            : "";
    return traces.continueRecord(NO_HEADERS, traceId, "ledger booked");
  }

  private static void logOutcome(AppliedRecord applied) {
    if (applied.outcome() instanceof Outcome.Posted posted
        && applied.record() instanceof InboundRecord.Readable readable) {
      BookedEntry entry = posted.entry();
      trail.info(
          "entry booked paymentId={} entryId={} type={} messageId={}",
          readable.message().paymentId(),
          entry.id(),
          entry.type(),
          readable.sourceEventId());
    } else if (applied.outcome() instanceof Outcome.NoFinancialEffect none
        && applied.record() instanceof InboundRecord.Readable readable) {
      trail.info(
          "message applied without financial effect paymentId={} messageId={} reason={}",
          readable.message().paymentId(),
          readable.sourceEventId(),
          none.reason());
    } else {
      logDeadLetter(applied);
    }
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
