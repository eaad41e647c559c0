package com.paystream.schemas.topics;

import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroSerde;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.serde.SubjectNameStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the catalogue. Keys are always UTF-8 strings ({@code StringSerializer}); values are
 * the generated Avro class {@code valueType} in Confluent wire format, registered under {@code
 * valueSubject}.
 *
 * <p>{@code valueSubject} is {@code <catalogue name>-value} and stays the same when a test gives
 * the topic another name ({@link #withPrefix}), so the pinned schema ids keep applying.
 *
 * @param name the Kafka topic name
 * @param partitions the partition count; never lowered, and raised only with care: it moves keys to
 *     other partitions and so breaks per-key order across the change
 * @param retention {@code retention.ms}
 * @param cleanupPolicy {@code cleanup.policy}
 * @param valueType the generated Avro class of the values
 * @param valueSubject the registry subject of the values
 * @param visibility whether other services read it ({@link Visibility#PUBLIC}) or only its writer
 * @param writers the services that produce to it, each with what it writes there
 */
public record Topic<V extends SpecificRecord>(
    String name,
    int partitions,
    Retention retention,
    CleanupPolicy cleanupPolicy,
    Class<V> valueType,
    String valueSubject,
    Visibility visibility,
    List<Writer> writers) {

  /** Partitions of every catalogue topic unless it says otherwise. */
  public static final int DEFAULT_PARTITIONS = 6;

  private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(valueSubject, "valueSubject");
    Objects.requireNonNull(visibility, "visibility");
    writers = List.copyOf(writers);
    if (!LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("not a legal Kafka topic name: '" + name + "'");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
    }
  }

  /**
   * A public topic with the default partitions, delete cleanup, subject {@code <name>-value} and no
   * writer yet (add it with {@link #writtenBy}).
   */
  public static <V extends SpecificRecord> Topic<V> of(
      String name, Class<V> valueType, Retention retention) {
    return new Topic<>(
        name,
        DEFAULT_PARTITIONS,
        retention,
        CleanupPolicy.DELETE,
        valueType,
        name + "-value",
        Visibility.PUBLIC,
        List.of());
  }

  /** The same topic with one more writer. */
  public Topic<V> writtenBy(Service service, String what) {
    List<Writer> more = new ArrayList<>(writers);
    more.add(new Writer(service, what));
    return new Topic<>(
        name, partitions, retention, cleanupPolicy, valueType, valueSubject, visibility, more);
  }

  /** The same topic, read only by its writer. */
  public Topic<V> internal() {
    return new Topic<>(
        name,
        partitions,
        retention,
        cleanupPolicy,
        valueType,
        valueSubject,
        Visibility.INTERNAL,
        writers);
  }

  /**
   * The same topic with its values registered under another topic's subject: for a topic that
   * carries that topic's contract unchanged, so its pinned schema ids apply.
   */
  public Topic<V> sharingSubjectOf(Topic<V> other) {
    return new Topic<>(
        name,
        partitions,
        retention,
        cleanupPolicy,
        valueType,
        other.valueSubject,
        visibility,
        writers);
  }

  /** The single writer of a topic that has one. */
  public Writer writer() {
    if (writers.size() != 1) {
      throw new IllegalStateException(name + " has " + writers.size() + " writers: " + writers);
    }
    return writers.get(0);
  }

  /** The same topic named {@code prefix + name} (unique names per test); same subject. */
  public Topic<V> withPrefix(String prefix) {
    return withName(prefix + name);
  }

  /** The same topic under another name; same subject. */
  public Topic<V> withName(String newName) {
    return new Topic<>(
        newName,
        partitions,
        retention,
        cleanupPolicy,
        valueType,
        valueSubject,
        visibility,
        writers);
  }

  public Topic<V> withPartitions(int newPartitions) {
    return new Topic<>(
        name,
        newPartitions,
        retention,
        cleanupPolicy,
        valueType,
        valueSubject,
        visibility,
        writers);
  }

  /** The schema of the generated value class: what this build writes. */
  public Schema valueSchema() {
    return SpecificData.getForClass(valueType).getSchema(valueType);
  }

  /** UTF-8 strings, as every key in the suite. */
  public Serde<String> keySerde() {
    return Serdes.String();
  }

  /** The value serde over {@code registry}, writing under {@link #valueSubject()}. */
  public AvroSerde<V> valueSerde(SchemaRegistry registry) {
    return new AvroSerde<>(registry, valueType, SubjectNameStrategy.fixed(valueSubject));
  }

  /**
   * The value serde with the registry chosen by a Kafka config map ({@link AvroSerdeConfig}: pinned
   * unless {@value AvroSerdeConfig#REGISTRY_URL} is set), already configured as a value serde.
   */
  public AvroSerde<V> valueSerde(Map<String, ?> kafkaConfig) {
    AvroSerde<V> serde = valueSerde(AvroSerdeConfig.registry(kafkaConfig));
    serde.configure(kafkaConfig, false);
    return serde;
  }

  /** The topic-level configs the catalogue sets at creation. */
  public Map<String, String> configs() {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
    configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.retentionMs()));
    // Explicit, so that a broker-wide log.retention.bytes can never cut legal history short.
    configs.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
    return configs;
  }

  /**
   * The admin request creating this topic. {@code min.insync.replicas} is 2 from replication factor
   * 3 on (with {@code acks=all} an acknowledged record is then on two brokers), else 1.
   */
  public NewTopic newTopic(short replicationFactor) {
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replication factor must be >= 1, was " + replicationFactor);
    }
    Map<String, String> configs = new LinkedHashMap<>(configs());
    int minInSync = Math.max(1, Math.min(2, replicationFactor - 1));
    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSync));
    return new NewTopic(name, partitions, replicationFactor).configs(configs);
  }

  @Override
  public String toString() {
    return name + " (" + valueType.getSimpleName() + ", " + partitions + " partitions)";
  }
}
