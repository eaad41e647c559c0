package com.paystream.recon.matching.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.registry.SchemaRegistryUnavailableException;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.serde.UndecodableRecordException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetteringHandlersTest {

  private static final Map<String, Object> CONFIG =
      Map.of(DeadLetters.TOPIC_CONFIG, "t.recon.deadletters.v1", AvroSerdeConfig.REGISTRY_URL, "");

  private final byte[] key = "S/1".getBytes(StandardCharsets.UTF_8);
  private final byte[] value = "garbage".getBytes(StandardCharsets.UTF_8);

  @Test
  void anUndecodableRecordBecomesADeadLetterWithItsReasonAndBytes() {
    DeadLetteringDeserializationHandler handler = new DeadLetteringDeserializationHandler();
    handler.configure(CONFIG);

    DeserializationExceptionHandler.Response response =
        handler.handleError(
            context(),
            new ConsumerRecord<>("t.bank.statements.v1", 3, 42L, key, value),
            new UndecodableRecordException(
                "t.bank.statements.v1",
                UndecodableRecordException.Reason.NOT_CONFLUENT_FRAMING,
                null,
                "first byte",
                null));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> record = response.deadLetterQueueRecords().get(0);
    assertThat(record.topic()).isEqualTo("t.recon.deadletters.v1");
    DeadLetter letter = decode(record);
    assertThat(letter.getReasonCode()).isEqualTo("NOT_CONFLUENT_FRAMING");
    assertThat(letter.getSourceTopic()).isEqualTo("t.bank.statements.v1");
    assertThat(letter.getSourcePartition()).isEqualTo(3);
    assertThat(letter.getSourceOffset()).isEqualTo(42L);
    assertThat(letter.getRetryable()).isFalse();
    assertThat(StandardCharsets.UTF_8.decode(letter.getOriginalValue()).toString())
        .isEqualTo("garbage");
  }

  @Test
  void aRegistryOutageFailsInsteadOfDeadLetteringAGoodRecord() {
    DeadLetteringDeserializationHandler handler = new DeadLetteringDeserializationHandler();
    handler.configure(CONFIG);

    DeserializationExceptionHandler.Response response =
        handler.handleError(
            context(),
            new ConsumerRecord<>("t.bank.statements.v1", 3, 42L, key, value),
            new SchemaRegistryUnavailableException("registry down", null));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void aProcessingFailureBecomesADeadLetterWithItsReasonCode() {
    DeadLetteringProcessingHandler handler = new DeadLetteringProcessingHandler();
    handler.configure(CONFIG);

    var line =
        com.paystream.recon.support.Records.statementLine(
            "S",
            "1",
            "pay-9",
            com.paystream.schemas.common.Side.CREDIT,
            -5,
            "EUR",
            java.time.LocalDate.of(2025, 3, 14));
    var response =
        handler.handleError(
            context(),
            new org.apache.kafka.streams.processor.api.Record<>("S/1", line, 0L),
            new InvalidRecordException("INVALID_AMOUNT", "amount -5"));

    DeadLetter letter = decode(response.deadLetterQueueRecords().get(0));
    assertThat(letter.getReasonCode()).isEqualTo("INVALID_AMOUNT");
    assertThat(letter.getReason()).isEqualTo("amount -5");
    assertThat(letter.getPaymentId()).isEqualTo("pay-9");
    assertThat(StandardCharsets.UTF_8.decode(letter.getOriginalKey()).toString()).isEqualTo("S/1");
  }

  private static DeadLetter decode(ProducerRecord<byte[], byte[]> record) {
    return new AvroDeserializer<>(PinnedSchemaRegistry.bundled(), DeadLetter.class)
        .deserialize(record.topic(), record.value());
  }

  private ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "t.bank.statements.v1";
      }

      @Override
      public int partition() {
        return 3;
      }

      @Override
      public long offset() {
        return 42;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "statement-arrivals";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 3);
      }

      @Override
      public long timestamp() {
        return 1_700_000_000_000L;
      }

      @Override
      public byte[] sourceRawKey() {
        return key;
      }

      @Override
      public byte[] sourceRawValue() {
        return value;
      }
    };
  }
}
