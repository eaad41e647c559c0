package com.paystream.ledger.booking.kafka;

import com.paystream.ledger.booking.InboundRecord;
import com.paystream.ledger.booking.SourceRef;
import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.payments.PaymentMessage;
import com.paystream.schemas.serde.UndecodableRecordException;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes a raw record in the listener rather than in the consumer, so that bytes that can never be
 * decoded become an in-band {@link InboundRecord.Unreadable} (dead-lettered in the same transaction
 * as the rest of the batch) instead of an exception outside the batch. A registry that cannot be
 * reached is not a property of the bytes: its exception propagates and the batch is retried.
 */
public final class MessageDecoder<T extends SpecificRecord> {

  private final Deserializer<T> deserializer;
  private final Function<T, PaymentMessage> mapping;

  public MessageDecoder(Deserializer<T> deserializer, Function<T, PaymentMessage> mapping) {
    this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  public InboundRecord decode(ConsumerRecord<byte[], byte[]> record) {
    SourceRef source =
        new SourceRef(
            record.topic(), record.partition(), record.offset(), record.key(), record.value());
    String keyedPayment = source.keyText();
    if (record.value() == null) {
      return new InboundRecord.Unreadable(
          source,
          new Refusal(Refusal.DESERIALIZATION, "tombstone: the record has no value"),
          null,
          keyedPayment);
    }
    T value;
    try {
      value = deserializer.deserialize(record.topic(), record.value());
    } catch (UndecodableRecordException e) {
      return new InboundRecord.Unreadable(
          source, new Refusal(e.reason().name(), e.getMessage()), null, keyedPayment);
    }
    return new InboundRecord.Readable(source, mapping.apply(value));
  }
}
