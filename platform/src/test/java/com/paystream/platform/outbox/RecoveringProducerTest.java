package com.paystream.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.api.Test;

/** Which errors make {@link RecoveringProducer} replace its producer. */
class RecoveringProducerTest {

  @Test
  void sequenceEpochAndFatalErrorsLeaveTheProducerUnusable() {
    List<Exception> errors =
        List.of(
            new OutOfOrderSequenceException("incoming 0, current end 16766"),
            new UnknownProducerIdException("no state"),
            new InvalidProducerEpochException("old epoch"),
            new ProducerFencedException("fenced"),
            new InvalidPidMappingException("no mapping"),
            new UnsupportedVersionException("too old"),
            new ClusterAuthorizationException("no IdempotentWrite"),
            new KafkaException("wrapped", new OutOfOrderSequenceException("out of order")));

    assertThat(errors).allMatch(RecoveringProducer::leavesUnusable);
  }

  @Test
  void errorsTheClientRetriesOrThatConcernOneRecordDoNot() {
    List<Exception> errors =
        List.of(
            new TimeoutException("expired after the delivery timeout"),
            new NotLeaderOrFollowerException("moved"),
            new RecordTooLargeException("too large"),
            new KafkaException("Producer is closed forcefully."));

    assertThat(errors).noneMatch(RecoveringProducer::leavesUnusable);
  }

  @Test
  void aSendThatRethrowsTheProducersRecordedErrorMeansItIsInAnErrorState() {
    var recorded = new KafkaException("Unexpected error in InitProducerIdResponse");

    assertThat(
            RecoveringProducer.rethrowsItsError(
                new KafkaException(
                    "Cannot execute transactional method because we are in an error state",
                    recorded)))
        .isTrue();
    assertThat(
            RecoveringProducer.rethrowsItsError(
                new IllegalStateException("invalid state transition", recorded)))
        .isTrue();
  }

  @Test
  void aSendRefusedForItsRecordOrForAnInterruptionDoesNot() {
    assertThat(
            RecoveringProducer.rethrowsItsError(
                new SerializationException("cannot convert", new ClassCastException())))
        .isFalse();
    assertThat(RecoveringProducer.rethrowsItsError(new InterruptException("interrupted")))
        .isFalse();
    assertThat(
            RecoveringProducer.rethrowsItsError(
                new IllegalStateException(
                    "Cannot perform operation after producer has been closed")))
        .isFalse();
  }
}
