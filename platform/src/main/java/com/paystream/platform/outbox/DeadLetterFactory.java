package com.paystream.platform.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds the dead-letter record for a row that exhausted its re-delivery schedule. */
@FunctionalInterface
public interface DeadLetterFactory {

  ProducerRecord<String, byte[]> deadLetterFor(OutboxRecord exhausted);
}
