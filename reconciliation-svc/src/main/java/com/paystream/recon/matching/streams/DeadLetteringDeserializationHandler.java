package com.paystream.recon.matching.streams;

import com.paystream.schemas.serde.UndecodableRecordException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes that can never be decoded (garbage, unknown schema id, incompatible schema) are
 * dead-lettered with the reason and skipped. Anything else, such as a schema registry that cannot
 * be reached, is transient: the thread fails and is replaced, and the record is read again.
 */
public final class DeadLetteringDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger log =
      LoggerFactory.getLogger(DeadLetteringDeserializationHandler.class);

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.fromConfig(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (!(exception instanceof UndecodableRecordException)) {
      log.warn(
          "Cannot decode {}-{}@{} for a reason that may pass; failing to retry",
          context.topic(),
          context.partition(),
          context.offset(),
          exception);
      return Response.fail();
    }
    log.warn(
        "Dead-lettering undecodable record {}-{}@{}: {}",
        context.topic(),
        context.partition(),
        context.offset(),
        exception.getMessage());
    return Response.resume(
        deadLetters.letterFor(context, record.key(), record.value(), exception, null));
  }
}
