package com.paystream.gateway.statusquery.config;

import com.paystream.gateway.callbacks.CallbackRecorder;
import com.paystream.gateway.providers.ProviderClients;
import com.paystream.gateway.statusquery.LostOrders;
import com.paystream.gateway.statusquery.QueryPolicy;
import com.paystream.gateway.statusquery.QueryTraces;
import com.paystream.gateway.statusquery.StatusQueries;
import com.paystream.gateway.statusquery.StatusQueryMetrics;
import com.paystream.gateway.statusquery.StatusQueryPoller;
import com.paystream.gateway.statusquery.persistence.R2dbcScheduleStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Status queries: the schedule, the rounds, the poller's lifecycle and the lost-order trigger. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatusQueryProperties.class)
public class StatusQueryConfiguration {

  @Bean
  StatusQueryMetrics statusQueryMetrics(MeterRegistry registry) {
    return new StatusQueryMetrics(registry);
  }

  @Bean
  R2dbcScheduleStore statusQuerySchedule(DatabaseClient db, StatusQueryProperties properties) {
    return new R2dbcScheduleStore(db, properties.seedOverlap());
  }

  @Bean
  StatusQueries statusQueries(
      R2dbcScheduleStore store,
      ProviderClients providers,
      CallbackRecorder recorder,
      StatusQueryMetrics metrics,
      StatusQueryProperties properties,
      Clock clock,
      ObjectProvider<ObservationRegistry> observations,
      ObjectProvider<Tracer> tracer) {
    QueryPolicy policy =
        new QueryPolicy(
            properties.threshold(),
            properties.backoff(),
            properties.thenEvery(),
            properties.maxAge());
    if (properties.lease().compareTo(properties.pollInterval()) < 0) {
      throw new IllegalStateException("paystream.status-queries.lease must be >= poll-interval");
    }
    return new StatusQueries(
        store,
        providers,
        recorder,
        policy,
        new StatusQueries.Limits(
            properties.batchSize(), properties.concurrency(), properties.lease()),
        metrics,
        clock,
        new QueryTraces(
            observations.getIfAvailable(() -> ObservationRegistry.NOOP),
            tracer.getIfAvailable(() -> Tracer.NOOP)));
  }

  @Bean
  StatusQueryPoller statusQueryPoller(StatusQueries queries, StatusQueryProperties properties) {
    return new StatusQueryPoller(queries, properties.pollInterval());
  }

  @Bean
  LostOrders lostOrders(
      R2dbcScheduleStore store, StatusQueryPoller poller, StatusQueryMetrics metrics, Clock clock) {
    return new LostOrders(store, poller, metrics, clock);
  }

  /** Starts polling with the application and stops it before the database pool closes. */
  @Bean
  SmartLifecycle statusQueryPollerLifecycle(
      StatusQueryPoller poller, StatusQueryProperties properties) {
    return new SmartLifecycle() {
      @Override
      public void start() {
        if (properties.enabled()) {
          poller.start();
        }
      }

      @Override
      public void stop() {
        poller.stop();
      }

      @Override
      public boolean isRunning() {
        return poller.isRunning();
      }
    };
  }
}
