package com.paystream.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.support.Ports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class KafkaBrokerCheckIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  void isUpWhileTheBrokerAnswers() {
    try (KafkaBrokerCheck check = checkOf(SharedInfrastructure.kafka().bootstrapServers())) {
      KafkaBrokerCheck.Result result = check.check();

      assertThat(result.up()).isTrue();
      assertThat(result.brokers()).isEqualTo(1);
    }
  }

  @Test
  void isDownWithinItsTimeoutWhenNoBrokerListens() {
    try (KafkaBrokerCheck check = checkOf("127.0.0.1:" + Ports.freePort())) {
      long startNanos = System.nanoTime();
      KafkaBrokerCheck.Result result = check.check();
      Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

      assertThat(result.up()).isFalse();
      assertThat(result.failure()).isNotBlank();
      assertThat(took).isLessThan(TIMEOUT.plusSeconds(1));
    }
  }

  @Test
  void reusesAResultWhileItIsFresh() {
    MutableClock clock = new MutableClock();
    try (KafkaBrokerCheck check =
        KafkaBrokerCheck.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + Ports.freePort()),
            TIMEOUT,
            Duration.ofSeconds(2),
            clock)) {
      KafkaBrokerCheck.Result first = check.check();

      clock.advance(Duration.ofSeconds(1));
      KafkaBrokerCheck.Result reused = check.check();
      clock.advance(Duration.ofSeconds(1));
      KafkaBrokerCheck.Result renewed = check.check();

      assertThat(reused).isSameAs(first);
      assertThat(renewed).isNotSameAs(first);
    }
  }

  private static KafkaBrokerCheck checkOf(String bootstrapServers) {
    return KafkaBrokerCheck.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        TIMEOUT,
        Duration.ofSeconds(1),
        Clock.systemUTC());
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-06T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
