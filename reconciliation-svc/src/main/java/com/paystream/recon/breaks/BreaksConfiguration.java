package com.paystream.recon.breaks;

import com.paystream.recon.approvals.Approvals;
import com.paystream.recon.audit.AuditTrail;
import com.paystream.recon.breaks.persistence.ResolutionAudit;
import com.paystream.recon.matching.streams.ReconStreams;
import com.paystream.recon.outbox.Outbox;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the break workflow and the money-at-risk gauges (refreshed every 15 s). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BreaksConfiguration {

  @Bean
  OpenBreaks openBreaks(ReconStreams streams) {
    return new OpenBreaks(streams);
  }

  @Bean
  ManualResolutions manualResolutions(
      OpenBreaks openBreaks,
      JdbcTemplate jdbc,
      Outbox outbox,
      ReconTopics topics,
      SchemaRegistry registry,
      TransactionTemplate transactions,
      Approvals approvals,
      AuditTrail audit,
      Clock clock) {
    var serializer =
        new AvroSerializer<ReconResult>(
            registry, SubjectNameStrategy.fixed(topics.manualResolutions().valueSubject()));
    return new ManualResolutions(
        openBreaks,
        new ResolutionAudit(jdbc),
        outbox,
        topics.manualResolutions(),
        serializer,
        transactions,
        approvals,
        audit,
        clock);
  }

  @Bean
  BreakResolutionApproval breakResolutionApproval(ManualResolutions resolutions) {
    return new BreakResolutionApproval(resolutions);
  }

  @Bean
  MoneyAtRisk moneyAtRisk(OpenBreaks openBreaks, MeterRegistry meters) {
    return new MoneyAtRisk(openBreaks, meters);
  }

  @Bean
  MoneyAtRiskRefresh moneyAtRiskRefresh(MoneyAtRisk moneyAtRisk) {
    return new MoneyAtRiskRefresh(moneyAtRisk);
  }

  /** The schedule, apart so that the gauges themselves stay free of Spring. */
  static final class MoneyAtRiskRefresh {
    private final MoneyAtRisk moneyAtRisk;

    MoneyAtRiskRefresh(MoneyAtRisk moneyAtRisk) {
      this.moneyAtRisk = moneyAtRisk;
    }

    @Scheduled(
        fixedDelayString = "${paystream.recon.metrics-refresh:15s}",
        initialDelayString = "${paystream.recon.metrics-refresh:15s}")
    void refresh() {
      moneyAtRisk.refresh();
    }
  }
}
