package com.paystream.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Whether the Kafka cluster answers, for a readiness probe: one {@code describeCluster} call with a
 * deadline, on one admin client kept for the service's life. A result is reused for {@code
 * reuseFor}, so that probes of several kinds and several callers do not each ask the broker; and a
 * check never waits longer than {@code timeout}, so that a probe never outlives its own deadline.
 */
public final class KafkaBrokerCheck implements AutoCloseable {

  /** What the last check found: how many brokers answered (0 when down) and why not, if not. */
  public record Result(boolean up, int brokers, String failure, Instant checkedAt) {}

  private final Admin admin;
  private final Duration timeout;
  private final Duration reuseFor;
  private final Clock clock;
  private Result last;

  KafkaBrokerCheck(Admin admin, Duration timeout, Duration reuseFor, Clock clock) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive, was " + timeout);
    }
    this.admin = admin;
    this.timeout = timeout;
    this.reuseFor = reuseFor;
    this.clock = clock;
  }

  /**
   * A check with its own admin client, built from the service's client settings ({@code
   * bootstrap.servers}, security) with its request and API timeouts cut to {@code timeout}.
   */
  public static KafkaBrokerCheck create(
      Map<String, Object> clientConfig, Duration timeout, Duration reuseFor, Clock clock) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    int timeoutMs = Math.toIntExact(timeout.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "readiness-check");
    return new KafkaBrokerCheck(Admin.create(config), timeout, reuseFor, clock);
  }

  /** The last result while it is fresh, else a new one (within the timeout). */
  public synchronized Result check() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(last.checkedAt().plus(reuseFor))) {
      last = ask();
    }
    return last;
  }

  private Result ask() {
    long timeoutMs = timeout.toMillis();
    try {
      Collection<Node> nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
              .nodes()
              .get(timeoutMs, TimeUnit.MILLISECONDS);
      return nodes.isEmpty()
          ? down("no broker in the cluster's metadata")
          : new Result(true, nodes.size(), null, clock.instant());
    } catch (ExecutionException e) {
      return down(e.getCause().getClass().getSimpleName());
    } catch (TimeoutException e) {
      return down("no answer within " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down("interrupted");
    }
  }

  private Result down(String failure) {
    return new Result(false, 0, failure, clock.instant());
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(1));
  }
}
