package com.paystream.testkit.kafka;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** What a running cluster says about its controller quorum. */
public final class KafkaQuorum {

  private static final int TIMEOUT_SECONDS = 10;

  private KafkaQuorum() {}

  /**
   * The node id of the active controller (the quorum's leader), as the brokers behind {@code
   * bootstrapServers} report it.
   *
   * @throws IllegalStateException when no broker answers in time
   */
  public static int activeController(String bootstrapServers) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000))) {
      return admin
          .describeMetadataQuorum()
          .quorumInfo()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .leaderId();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "no broker at " + bootstrapServers + " told the active controller", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking for the active controller", e);
    }
  }
}
