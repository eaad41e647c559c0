package com.paystream.relay.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.relay.support.GatewayOutbox.Recorded;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The relay's delivery promise, checked on what the topic holds. */
public final class PublishedInOrder {

  private static final Logger log = LoggerFactory.getLogger(PublishedInOrder.class);

  private PublishedInOrder() {}

  /**
   * Reads the callbacks topic until every recorded message appeared, then checks, for the recorded
   * payments only, that the message ids on the topic are exactly the recorded ones and that first
   * occurrences follow the recorded order per payment. Returns those payments' records.
   */
  public static List<ConsumerRecord<String, byte[]>> assertAllPublishedInOrder(
      String bootstrap, GatewayOutbox outbox, List<Recorded> recorded) {
    Set<UUID> expectedIds = recorded.stream().map(Recorded::messageId).collect(Collectors.toSet());
    Map<String, List<UUID>> expected = GatewayOutbox.byPayment(recorded);
    List<ConsumerRecord<String, byte[]>> published;
    try (TopicReader reader = new TopicReader(bootstrap, outbox.callbacksTopic())) {
      published =
          reader.readUntilAllSeen(expectedIds, Duration.ofSeconds(60)).stream()
              .filter(r -> expected.containsKey(r.key()))
              .toList();
    }
    Set<UUID> onTopic = new HashSet<>();
    published.forEach(r -> onTopic.add(TopicReader.messageId(r)));
    assertThat(onTopic).isEqualTo(expectedIds);
    Map<String, List<UUID>> actual = TopicReader.firstOccurrencesByKey(published);
    for (Map.Entry<String, List<UUID>> payment : expected.entrySet()) {
      assertThat(actual.get(payment.getKey()))
          .as("order of payment %s", payment.getKey())
          .containsExactlyElementsOf(payment.getValue());
    }
    log.atInfo()
        .addKeyValue("recorded", recorded.size())
        .addKeyValue("onTopic", published.size())
        .addKeyValue("duplicates", published.size() - onTopic.size())
        .log("all recorded callbacks published in order per payment");
    return published;
  }
}
