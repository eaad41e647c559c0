package com.paystream.recon.report;

import com.paystream.schemas.recon.ReconReport;
import com.paystream.schemas.topics.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the reports of a business date to the reports topic (the catalogue's {@link ReconReport}
 * contract in Avro, key {@code <date>|<currency>}), waiting for the broker's acknowledgement. A
 * report is a snapshot: the next one of the same date and currency supersedes it, so a repeated
 * publication is harmless.
 */
public final class ReportPublisher {

  private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);

  private final Producer<String, byte[]> producer;
  private final Topic<ReconReport> topic;
  private final Serializer<ReconReport> serializer;
  private final MeterRegistry meters;

  public ReportPublisher(
      Producer<String, byte[]> producer,
      Topic<ReconReport> topic,
      Serializer<ReconReport> serializer,
      MeterRegistry meters) {
    this.producer = producer;
    this.topic = topic;
    this.serializer = serializer;
    this.meters = meters;
  }

  /** Publishes the reports of {@code date} (the whole's, {@link WholeReports}); returns them. */
  public List<DailyReport> publish(LocalDate date, String trigger, List<DailyReport> produced) {
    List<Future<RecordMetadata>> sent =
        produced.stream()
            .map(
                r ->
                    producer.send(
                        new ProducerRecord<>(
                            topic.name(),
                            r.key(),
                            serializer.serialize(topic.name(), ReportRecords.of(r)))))
            .toList();
    for (Future<RecordMetadata> ack : sent) {
      try {
        ack.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing reports", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("could not publish the reports of " + date, e.getCause());
      }
    }
    meters.counter("recon_reports_published_total", "trigger", trigger).increment(produced.size());
    log.info("Published {} report(s) of {} ({})", produced.size(), date, trigger);
    return produced;
  }
}
