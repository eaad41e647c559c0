package com.paystream.relay;

import static com.paystream.relay.support.PublishedInOrder.assertAllPublishedInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.relay.support.GatewayOutbox;
import com.paystream.relay.support.GatewayOutbox.Recorded;
import com.paystream.relay.support.RelayInstance;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.kafka.KafkaBroker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two relay instances at once on a broker of their own (so it can be stopped without breaking the
 * other tests of this JVM) and a real PostgreSQL: every recorded callback reaches the topic, first
 * publications keep the order per payment, through a 30-second broker outage too. Re-delivery is
 * pushed out of the way (10 min), so every record on the topic is a first publication.
 */
class DeliveryGuaranteesIT {

  private static final Logger log = LoggerFactory.getLogger(DeliveryGuaranteesIT.class);

  private static KafkaBroker broker;
  private static GatewayOutbox outbox;
  private static ConfigurableApplicationContext one;
  private static ConfigurableApplicationContext two;

  @BeforeAll
  static void twoRelaysOnABrokerOfTheirOwn() {
    String prefix = SharedInfrastructure.uniqueName("guarantees") + ".";
    broker = KafkaBroker.start(null, 0);
    outbox = GatewayOutbox.create(prefix);
    List<String> arguments =
        RelayInstance.arguments(
            broker.bootstrapServers(),
            outbox.database(),
            prefix,
            "--paystream.relay.redelivery-schedule=10m");
    // One after the other: Spring Boot initialises logging per application, not thread-safely.
    one = RelayInstance.start(arguments);
    two = RelayInstance.start(arguments);
  }

  @AfterAll
  static void stop() {
    if (one != null) {
      one.close();
    }
    if (two != null) {
      two.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void twoRelaysAtOnceKeepTheOrderPerPaymentAndPublishEachCallbackOnce() {
    List<Recorded> recorded = new ArrayList<>();
    // Many small commits while both run, so that both keep competing for every batch.
    for (int round = 0; round < 20; round++) {
      recorded.addAll(outbox.recordInterleaved(25, 4, "simulator"));
    }
    List<String> payments =
        recorded.stream().map(Recorded::paymentId).distinct().limit(25).toList();
    for (int seq = 4; seq < 12; seq++) {
      for (String payment : payments) {
        recorded.add(outbox.recordOne(payment, seq, "simulator"));
      }
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> outbox.count("status = 'PENDING'") == 0);

    List<ConsumerRecord<String, byte[]>> published =
        assertAllPublishedInOrder(broker.bootstrapServers(), outbox, recorded);
    // One instance publishes at a time (the leader lock), so nothing went out twice.
    assertThat(published).hasSize(recorded.size());
    log.atInfo()
        .addKeyValue("first", publishedBy(one))
        .addKeyValue("second", publishedBy(two))
        .log("publications per relay instance");
  }

  @Test
  void aBrokerDownForThirtySecondsLosesNothingAndKeepsTheOrderPerPayment() {
    List<Recorded> recorded = new ArrayList<>(outbox.recordInterleaved(20, 10, "simulator"));
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.count("status = 'PENDING'") == 0);
    long publishedBefore = outbox.count("status = 'PUBLISHED'");
    List<String> payments = recorded.stream().map(Recorded::paymentId).distinct().toList();
    int[] next = {0};

    broker.stop();
    // For 30 s, keep recording callbacks; none may count as published without the broker.
    await()
        .during(Duration.ofSeconds(30))
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              int n = next[0]++;
              String payment = payments.get(n % payments.size());
              recorded.add(outbox.recordOne(payment, 10 + n / payments.size(), "simulator"));
              return outbox.count("status = 'PUBLISHED'") == publishedBefore;
            });
    broker.restart();

    await().atMost(Duration.ofSeconds(90)).until(() -> outbox.count("status = 'PENDING'") == 0);
    assertAllPublishedInOrder(broker.bootstrapServers(), outbox, recorded);
  }

  private static double publishedBy(ConfigurableApplicationContext relay) {
    return relay
        .getBean(MeterRegistry.class)
        .get("relay.published")
        .tag("delivery", "first")
        .counter()
        .count();
  }
}
