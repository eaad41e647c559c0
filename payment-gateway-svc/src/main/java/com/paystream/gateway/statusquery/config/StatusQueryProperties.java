package com.paystream.gateway.statusquery.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paystream.status-queries.*}: when open payments are asked about at their provider.
 *
 * @param enabled run the scheduler in this instance (several instances may: they share the work)
 * @param threshold how long a payment stays CREATED/PENDING (since its last change) before the
 *     first query
 * @param backoff the wait after the first, second, ... query
 * @param thenEvery the wait after each later query
 * @param maxAge how long after the first query we keep asking before giving up (EXPIRED)
 * @param pollInterval how often an instance looks for due queries
 * @param batchSize due queries claimed per round at most
 * @param concurrency provider requests in flight per instance at most
 * @param lease how long a claimed query stays with its instance before it is due again (longer than
 *     the provider timeout)
 * @param seedOverlap how far before the last scan the next scan for newly overdue payments starts
 *     (covers transactions that committed late)
 * @param reconResults the consumer of {@code recon.results.v1} (lost orders)
 */
@ConfigurationProperties("paystream.status-queries")
public record StatusQueryProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5m") Duration threshold,
    @DefaultValue({"1m", "5m", "15m", "1h"}) List<Duration> backoff,
    @DefaultValue("6h") Duration thenEvery,
    @DefaultValue("7d") Duration maxAge,
    @DefaultValue("15s") Duration pollInterval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("8") int concurrency,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("10m") Duration seedOverlap,
    @DefaultValue ReconResults reconResults) {

  /**
   * @param enabled consume lost orders (also needs {@code spring.kafka.bootstrap-servers})
   * @param groupId the consumer group
   */
  public record ReconResults(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("payment-gateway-svc.lost-orders") String groupId) {}
}
