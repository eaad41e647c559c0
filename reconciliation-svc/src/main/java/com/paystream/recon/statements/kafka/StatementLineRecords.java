package com.paystream.recon.statements.kafka;

import com.paystream.recon.matching.Direction;
import com.paystream.recon.statements.StatementLineDraft;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.statements.StatementFormat;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.statements.StatementLineKind;
import com.paystream.schemas.topics.Topic;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Builds the {@code bank.statements.v1} record of a line: key {@code <statement id>/<line id>} (the
 * catalogue's "statement reference"), value the Avro {@link StatementLine} in wire format.
 */
public final class StatementLineRecords {

  private final Topic<StatementLine> topic;
  private final AvroSerializer<StatementLine> serializer;
  private final Clock clock;

  public StatementLineRecords(
      Topic<StatementLine> topic, AvroSerializer<StatementLine> serializer, Clock clock) {
    this.topic = topic;
    this.serializer = serializer;
    this.clock = clock;
  }

  public String topicName() {
    return topic.name();
  }

  public static String key(StatementLineDraft line) {
    return line.identity();
  }

  /**
   * @param eventId the line's event id, fixed when it was registered (a re-publication carries it
   *     again, so consumers can deduplicate)
   * @param fileId the file the line came in, as causation
   */
  public byte[] value(StatementLineDraft line, UUID eventId, UUID fileId) {
    return serializer.serialize(topic.name(), avro(line, eventId, fileId));
  }

  StatementLine avro(StatementLineDraft line, UUID eventId, UUID fileId) {
    return StatementLine.newBuilder()
        .setEnvelope(
            Envelope.newBuilder()
                .setEventId(eventId)
                .setCausationId(fileId.toString())
                // The business fact is the booking: the start of its date is the best instant.
                .setOccurredAt(line.bookingDate().atStartOfDay().toInstant(ZoneOffset.UTC))
                .setRecordedAt(clock.instant())
                .setTraceId("")
                .build())
        .setStatementId(line.statementId())
        .setLineId(line.lineId())
        .setFormat(StatementFormat.valueOf(line.format().name()))
        .setAccountReference(line.accountReference())
        .setProvider(line.provider())
        .setPaymentReference(line.paymentReference())
        .setDirection(line.direction() == Direction.CREDIT ? Side.CREDIT : Side.DEBIT)
        .setKind(StatementLineKind.valueOf(line.kind().name()))
        .setAmountMinor(line.amount().minor())
        .setCurrency(line.amount().currencyCode())
        .setBookingDate(line.bookingDate())
        .setValueDate(line.valueDate())
        .setDescription(line.description())
        .setPayoutReference(line.payoutReference())
        .build();
  }
}
