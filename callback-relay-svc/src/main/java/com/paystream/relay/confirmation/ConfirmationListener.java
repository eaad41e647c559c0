package com.paystream.relay.confirmation;

import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.serde.UndecodableRecordException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes the ledger's entry events and dead letters and turns them into confirmations, a batch at
 * a time. A record it cannot decode is counted and skipped: the relay is not that record's owner,
 * and the worst outcome of skipping a confirmation is one more (deduplicated) re-delivery, whereas
 * stopping would stall every confirmation behind it.
 */
public class ConfirmationListener {

  private static final Logger log = LoggerFactory.getLogger(ConfirmationListener.class);

  private final Confirmations confirmations;
  private final String entriesTopic;
  private final String deadLetterTopic;
  private final Deserializer<LedgerEntryEvent> entries;
  private final Deserializer<DeadLetter> deadLetters;
  private final Counter confirmed;
  private final Counter rejected;
  private final Counter undecodable;
  private final String groupId;

  public ConfirmationListener(
      String groupId,
      Confirmations confirmations,
      String entriesTopic,
      String deadLetterTopic,
      Deserializer<LedgerEntryEvent> entries,
      Deserializer<DeadLetter> deadLetters,
      MeterRegistry registry) {
    this.groupId = groupId;
    this.confirmations = confirmations;
    this.entriesTopic = entriesTopic;
    this.deadLetterTopic = deadLetterTopic;
    this.entries = entries;
    this.deadLetters = deadLetters;
    this.confirmed = registry.counter("relay.confirmations", "verdict", "applied");
    this.rejected = registry.counter("relay.confirmations", "verdict", "rejected");
    this.undecodable = registry.counter("relay.confirmations.undecodable");
  }

  /** The ledger's entry events and the dead-letter topic; read by the listener annotation. */
  public String[] topics() {
    return new String[] {entriesTopic, deadLetterTopic};
  }

  /**
   * The consumer group; read by the listener annotation. Prefixed like the topics, so relays of
   * different prefixes on one broker (tests) never share a group and never wait for each other's
   * rebalances.
   */
  public String groupId() {
    return groupId;
  }

  @KafkaListener(
      id = "relay-confirmations",
      groupId = "#{__listener.groupId()}",
      topics = "#{__listener.topics()}",
      batch = "true")
  public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    List<Confirmation> batch = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> record : records) {
      decode(record).ifPresent(batch::add);
    }
    confirmations.record(batch);
    long applied = batch.stream().filter(c -> c.verdict() == Confirmation.Verdict.APPLIED).count();
    confirmed.increment(applied);
    rejected.increment(batch.size() - applied);
  }

  private Optional<Confirmation> decode(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    try {
      return record.topic().equals(entriesTopic)
          ? LedgerVerdicts.of(entries.deserialize(record.topic(), record.value()))
          : LedgerVerdicts.of(deadLetters.deserialize(record.topic(), record.value()));
    } catch (UndecodableRecordException e) {
      undecodable.increment();
      log.atWarn()
          .addKeyValue("topic", record.topic())
          .addKeyValue("partition", record.partition())
          .addKeyValue("offset", record.offset())
          .addKeyValue("reason", e.reason())
          .log("skipping a record the relay cannot decode");
      return Optional.empty();
    }
  }
}
