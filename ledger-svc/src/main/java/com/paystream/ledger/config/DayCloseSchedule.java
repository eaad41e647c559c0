package com.paystream.ledger.config;

import com.paystream.ledger.dayclose.CloseResult;
import com.paystream.ledger.dayclose.DayCloseService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the day close on a schedule: every check closes whatever dates have passed their cutoff.
 * Failures are logged and retried at the next check; live posting is never blocked by it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "paystream.ledger.day-close.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class DayCloseSchedule {

  private static final Logger log = LoggerFactory.getLogger(DayCloseSchedule.class);

  private final DayCloseService closes;

  public DayCloseSchedule(DayCloseService closes) {
    this.closes = closes;
  }

  @Scheduled(
      initialDelayString = "${paystream.ledger.day-close.check-interval:60s}",
      fixedDelayString = "${paystream.ledger.day-close.check-interval:60s}")
  void closeDueDates() {
    try {
      List<CloseResult> results = closes.closeDue();
      results.stream()
          .filter(CloseResult.NotClosable.class::isInstance)
          .forEach(
              r -> log.info("day close postponed: {}", ((CloseResult.NotClosable) r).reason()));
    } catch (RuntimeException e) {
      log.error("day close failed; retried at the next check", e);
    }
  }
}
