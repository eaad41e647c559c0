package com.paystream.recon.statements;

import com.paystream.platform.input.InputPolicy;
import com.paystream.recon.ReconProperties;
import com.paystream.recon.audit.AuditTrail;
import com.paystream.recon.outbox.Outbox;
import com.paystream.recon.statements.inbox.InboxWatcher;
import com.paystream.recon.statements.ingestion.StatementIngestion;
import com.paystream.recon.statements.ingestion.StatementParsers;
import com.paystream.recon.statements.kafka.StatementLineRecords;
import com.paystream.recon.statements.persistence.StatementRegistry;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.schemas.statements.StatementLine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires statement ingestion: parsers, registry, the outbox records, upload and inbox. {@code
 * paystream.recon.payouts.reference-pattern} ({@link ReconProperties.Payouts}) says which
 * references are payouts' ({@link PayoutReferences}).
 */
@Configuration(proxyBeanMethods = false)
class StatementsConfiguration {

  @Bean
  StatementParsers statementParsers(InputPolicy policy, ReconProperties recon) {
    return new StatementParsers(
        new StatementMoney(policy), new PayoutReferences(recon.payouts().referencePattern()));
  }

  @Bean
  StatementIngestion statementIngestion(
      StatementParsers parsers,
      JdbcTemplate jdbc,
      ReconTopics topics,
      SchemaRegistry registry,
      TransactionTemplate transactions,
      Outbox outbox,
      MeterRegistry meters,
      AuditTrail audit,
      Clock clock) {
    var serializer =
        new AvroSerializer<StatementLine>(
            registry, SubjectNameStrategy.fixed(topics.statements().valueSubject()));
    return new StatementIngestion(
        parsers,
        new StatementRegistry(jdbc),
        outbox,
        new StatementLineRecords(topics.statements(), serializer, clock),
        transactions,
        meters,
        audit);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnExpression("!'${paystream.recon.inbox-dir:}'.isBlank()")
  InboxWatcher statementInbox(ReconProperties recon, StatementIngestion ingestion, Clock clock) {
    return new InboxWatcher(
        recon.inbox().orElseThrow(), recon.inboxPollInterval(), ingestion, clock);
  }
}
