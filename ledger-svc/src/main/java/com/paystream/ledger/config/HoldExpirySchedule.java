package com.paystream.ledger.config;

import com.paystream.ledger.audit.AuditTrail;
import com.paystream.ledger.holds.HoldExpiry;
import com.paystream.ledger.holds.HoldService;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases expired holds on a schedule ({@code paystream.ledger.holds.expiry.*}). Failures are
 * logged and retried at the next check; several instances running it at once share the holds due
 * (see {@link HoldExpiry}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HoldExpiryProperties.class)
public class HoldExpirySchedule {

  private static final Logger log = LoggerFactory.getLogger(HoldExpirySchedule.class);

  @Bean
  HoldExpiry holdExpiry(
      PlatformTransactionManager transactionManager,
      HoldService holds,
      AuditTrail audit,
      Clock clock,
      HoldExpiryProperties properties) {
    return new HoldExpiry(
        new TransactionTemplate(transactionManager), holds, audit, clock, properties.batchSize());
  }

  /** The schedule itself; off with {@code paystream.ledger.holds.expiry.enabled=false}. */
  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  @ConditionalOnProperty(
      name = "paystream.ledger.holds.expiry.enabled",
      havingValue = "true",
      matchIfMissing = true)
  static class Schedule {

    private final HoldExpiry expiry;

    Schedule(HoldExpiry expiry) {
      this.expiry = expiry;
    }

    @Scheduled(
        initialDelayString = "${paystream.ledger.holds.expiry.check-interval:30s}",
        fixedDelayString = "${paystream.ledger.holds.expiry.check-interval:30s}")
    void releaseExpiredHolds() {
      try {
        List<UUID> released = expiry.releaseDue();
        if (!released.isEmpty()) {
          log.atInfo().addKeyValue("holds", released.size()).log("expired holds released");
        }
      } catch (RuntimeException e) {
        log.error("releasing expired holds failed; retried at the next check", e);
      }
    }
  }
}
