package com.paystream.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalogue's topics at service startup, so that nothing depends on broker
 * auto-creation (which would pick the broker's partitions and retention). Safe to run from every
 * instance at once: a topic that already exists is left as it is. The one way the suite creates
 * topics: every service calls {@link #ensureCreated(String, short, Collection)} with the topics it
 * uses (named by {@link TopicNames}) before its consumers, producers or streams start.
 */
public final class TopicCatalogue {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private static final long VISIBILITY_POLL_MS = 100;

  private static final Logger log = LoggerFactory.getLogger(TopicCatalogue.class);

  private TopicCatalogue() {}

  /**
   * Creates the missing {@code topics} on the cluster at {@code bootstrapServers} through a
   * short-lived {@link Admin} client; see {@link #ensureCreated(Admin, short, Collection,
   * Duration)}.
   */
  public static List<String> ensureCreated(
      String bootstrapServers, short replicationFactor, Collection<? extends Topic<?>> topics) {
    return ensureCreated(KafkaConnection.plaintext(bootstrapServers), replicationFactor, topics);
  }

  /** The same through {@code connection} (its security settings included). */
  public static List<String> ensureCreated(
      KafkaConnection connection, short replicationFactor, Collection<? extends Topic<?>> topics) {
    try (Admin admin = Admin.create(connection.with(Map.of()))) {
      return ensureCreated(admin, replicationFactor, topics, DEFAULT_TIMEOUT);
    }
  }

  /** {@link #ensureCreated(Admin, short, Collection, Duration)} with {@link #DEFAULT_TIMEOUT}. */
  public static List<String> ensureCreated(
      Admin admin, short replicationFactor, Collection<? extends Topic<?>> topics) {
    return ensureCreated(admin, replicationFactor, topics, DEFAULT_TIMEOUT);
  }

  /**
   * Creates the topics that do not exist yet, with their partitions and configs, and returns once
   * all of them are visible in the cluster metadata (so that the first produce or subscribe finds
   * them). Existing topics are not altered; one whose partition count differs from the catalogue is
   * logged as a warning.
   *
   * @return the names of the topics this call created
   * @throws KafkaException when a topic could not be created, or not seen, within {@code timeout}
   */
  public static List<String> ensureCreated(
      Admin admin,
      short replicationFactor,
      Collection<? extends Topic<?>> topics,
      Duration timeout) {
    if (topics.isEmpty()) {
      return List.of();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<NewTopic> requests = topics.stream().map(t -> t.newTopic(replicationFactor)).toList();
    Map<String, KafkaFuture<Void>> results = admin.createTopics(requests).values();
    List<String> created = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    for (Topic<?> topic : topics) {
      if (await(results.get(topic.name()), topic.name(), deadline)) {
        created.add(topic.name());
      } else {
        existing.add(topic.name());
      }
    }
    log.info("Topics created: {}; already present: {}", created, existing);
    List<String> names = topics.stream().map(Topic::name).toList();
    warnAboutPartitionDrift(topics, awaitVisible(admin, names, deadline));
    return created;
  }

  /** True when the topic was created, false when it already existed. */
  private static boolean await(KafkaFuture<?> future, String topic, long deadline) {
    try {
      future.get(remainingMs(deadline), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw new KafkaException("Cannot create topic " + topic + ": " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new KafkaException("Cannot create topic " + topic + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException("Interrupted while creating topic " + topic, e);
    }
  }

  /** A new topic reaches the metadata of every broker a moment after the controller accepted it. */
  private static Map<String, TopicDescription> awaitVisible(
      Admin admin, List<String> names, long deadline) {
    while (true) {
      try {
        return admin
            .describeTopics(names)
            .allTopicNames()
            .get(remainingMs(deadline), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || remainingMs(deadline) <= 0) {
          throw new KafkaException("Topics " + names + " are not visible: " + e.getCause(), e);
        }
        pause(names);
      } catch (TimeoutException e) {
        throw new KafkaException("Topics " + names + " are not visible in time", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptException("Interrupted while waiting for topics " + names, e);
      }
    }
  }

  private static void pause(List<String> names) {
    try {
      Thread.sleep(VISIBILITY_POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException("Interrupted while waiting for topics " + names, e);
    }
  }

  private static long remainingMs(long deadline) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private static void warnAboutPartitionDrift(
      Collection<? extends Topic<?>> topics, Map<String, TopicDescription> descriptions) {
    for (Topic<?> topic : topics) {
      TopicDescription description = descriptions.get(topic.name());
      if (description != null && description.partitions().size() != topic.partitions()) {
        log.warn(
            "Topic {} has {} partitions, the catalogue says {}; per-key order only holds within"
                + " one partition count",
            topic.name(),
            description.partitions().size(),
            topic.partitions());
      }
    }
  }
}
