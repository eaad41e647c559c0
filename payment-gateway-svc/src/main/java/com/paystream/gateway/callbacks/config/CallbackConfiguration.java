package com.paystream.gateway.callbacks.config;

import com.paystream.gateway.callbacks.CallbackMessages;
import com.paystream.gateway.callbacks.CallbackRecorder;
import com.paystream.gateway.callbacks.IntakeBatcher;
import com.paystream.gateway.callbacks.MeteredCallbackRecorder;
import com.paystream.gateway.callbacks.persistence.BatchStatements;
import com.paystream.gateway.callbacks.persistence.R2dbcCallbackBatchWriter;
import com.paystream.gateway.outbox.persistence.OutboxWakeup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.unit.DataSize;

/** The callback recorder as the rest of the service sees it: batched, transactional, metered. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallbackConfiguration.IntakeProperties.class)
public class CallbackConfiguration {

  /**
   * {@code paystream.intake.*}: how callbacks share transactions. One batch at a time while batches
   * are quick: the callbacks that arrive while it commits go together in the next, so the batches
   * grow with the load and each callback's share of a transaction's round trips shrinks (warm, 16
   * concurrent senders: 7.6 callbacks per batch and 1.1 ms of CPU per callback, against 2.8 and
   * 1.7-2.0 ms with four batches at a time). Once the youngest batch in flight has run for {@code
   * overlapAfter} (a cold JVM, a slow flush, a payment's row lock), another starts beside it with
   * the callbacks waiting, up to {@code maxConcurrentBatches}, so that one slow batch does not hold
   * up every callback behind it.
   */
  @ConfigurationProperties("paystream.intake")
  public record IntakeProperties(
      @DefaultValue("64") int maxBatchSize,
      @DefaultValue("2MB") DataSize maxBatchBytes,
      @DefaultValue("4") int maxConcurrentBatches,
      @DefaultValue("20ms") Duration overlapAfter) {}

  /**
   * PostgreSQL's default READ COMMITTED is enough and avoids serialization retries: duplicates are
   * settled by the inbox's unique constraint (ON CONFLICT waits for the first writer), and
   * decisions about one payment are serialized by its row lock (SELECT ... FOR UPDATE). It is left
   * at the server default rather than set per transaction, which would cost a round trip on the hot
   * path; timeouts are connection options (spring.r2dbc.properties.*) for the same reason.
   */
  @Bean
  CallbackRecorder callbackRecorder(
      BatchStatements statements,
      CallbackMessages messages,
      ReactiveTransactionManager transactionManager,
      MeterRegistry registry,
      Clock clock,
      OutboxWakeup wakeup,
      IntakeProperties intake) {
    TransactionalOperator transaction = TransactionalOperator.create(transactionManager);
    R2dbcCallbackBatchWriter writer =
        new R2dbcCallbackBatchWriter(statements, messages, transaction, clock, wakeup);
    return new MeteredCallbackRecorder(
        new IntakeBatcher(
            writer,
            intake.maxBatchSize(),
            intake.maxBatchBytes().toBytes(),
            intake.maxConcurrentBatches(),
            intake.overlapAfter(),
            registry),
        registry);
  }
}
