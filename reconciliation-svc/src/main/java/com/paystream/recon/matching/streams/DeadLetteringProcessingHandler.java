package com.paystream.recon.matching.streams;

import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.statements.StatementLine;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that decoded but cannot be processed (invalid amount or currency, or a bug met by this
 * one record) is dead-lettered with the reason and the original bytes, and the task goes on: one
 * bad record must not stop reconciliation for everybody else.
 */
public final class DeadLetteringProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetteringProcessingHandler.class);

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.fromConfig(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    log.warn(
        "Dead-lettering record {}-{}@{} that failed in {}: {}",
        context.topic(),
        context.partition(),
        context.offset(),
        context.processorNodeId(),
        exception.toString());
    return Response.resume(
        deadLetters.letterFor(
            context,
            context.sourceRawKey(),
            context.sourceRawValue(),
            exception,
            paymentId(record)));
  }

  /** The payment the failed record was about, when its type says. */
  private static String paymentId(Record<?, ?> record) {
    Object value = record == null ? null : record.value();
    if (value instanceof StatementLine line) {
      return line.getPaymentReference();
    }
    if (value instanceof CashflowLine line) {
      return line.getPaymentId();
    }
    if (value instanceof ReconResult result) {
      return result.getPaymentReference();
    }
    return null;
  }
}
