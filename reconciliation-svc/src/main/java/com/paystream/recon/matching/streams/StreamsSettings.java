package com.paystream.recon.matching.streams;

import com.paystream.recon.ReconProperties;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.topics.KafkaConnection;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration, every guarantee set explicitly rather than defaulted. */
public final class StreamsSettings {

  private StreamsSettings() {}

  public static Properties of(
      ReconProperties recon,
      ReconTopics topics,
      KafkaConnection connection,
      int replicationFactor,
      String registryUrl) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, recon.applicationId());
    // Servers and security (TLS, SASL) as the service's other clients connect.
    p.putAll(connection.with(Map.of()));
    // Results, state and consumed offsets commit in one Kafka transaction: a crash between any
    // two of them cannot publish a result twice or lose one.
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, recon.stateDir().toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, recon.streamThreads());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, recon.commitInterval().toMillis());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
    // Where the other instances ask this one for its part of a query (its HTTP API); unset, the
    // metadata names no instance and every instance answers alone.
    recon
        .advertisedServer()
        .ifPresent(server -> p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server));
    // A warm copy of every store on another instance: a task that moves (a restart, a crash) is
    // queryable again after the changelog's last few records, not after a full restore.
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, recon.standbyReplicas());
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringDeserializationHandler.class);
    p.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringProcessingHandler.class);
    p.put(DeadLetters.TOPIC_CONFIG, topics.deadLetters().name());
    p.put(AvroSerdeConfig.REGISTRY_URL, registryUrl == null ? "" : registryUrl);
    // A task reads as soon as any of its partitions has records, without first asking whether an
    // empty one has more at the broker. The units accept their sides in either order (deadlines
    // are wall-clock), and the records of a reference come from different producers at different
    // times anyway. With idling on, Kafka Streams 4.2 formats a log message (String.format) for
    // every empty partition of a task on every look, logged or not: ~25 % of the stream thread's
    // CPU in the benchmark, where the resolutions topic is empty as in production.
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    return p;
  }
}
