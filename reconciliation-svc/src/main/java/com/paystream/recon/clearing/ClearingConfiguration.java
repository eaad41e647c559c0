package com.paystream.recon.clearing;

import com.paystream.recon.matching.streams.ReconStreams;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The clearing check's reader, its gauges and their refresh. */
@Configuration(proxyBeanMethods = false)
class ClearingConfiguration {

  @Bean
  ClearingChecks clearingChecks(ReconStreams streams) {
    return new ClearingChecks(streams);
  }

  @Bean
  ClearingGauges clearingGauges(ClearingChecks checks, MeterRegistry meters, Clock clock) {
    return new ClearingGauges(checks, meters, clock);
  }

  @Bean
  GaugesRefresh clearingGaugesRefresh(ClearingGauges gauges) {
    return new GaugesRefresh(gauges);
  }

  /** The schedule, apart so that the gauges themselves stay free of Spring. */
  static final class GaugesRefresh {
    private final ClearingGauges gauges;

    GaugesRefresh(ClearingGauges gauges) {
      this.gauges = gauges;
    }

    @Scheduled(
        fixedDelayString = "${paystream.recon.metrics-refresh:15s}",
        initialDelayString = "${paystream.recon.metrics-refresh:15s}")
    void refresh() {
      gauges.refresh();
    }
  }
}
