package com.paystream.relay;

import com.paystream.platform.approvals.ApprovalPolicy;
import com.paystream.relay.approvals.Approvals;
import com.paystream.relay.approvals.ApprovedAction;
import com.paystream.relay.approvals.persistence.JdbcApprovalStore;
import com.paystream.relay.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires four eyes. {@code paystream.approvals.expire-after} (default 24h) and {@code
 * paystream.approvals.thresholds-minor.<action>}: {@code redrive.bulk} defaults to 0, every bulk
 * redrive needs a second operator.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApprovalsConfiguration.Settings.class)
class ApprovalsConfiguration {

  /** The actions this service lets wait for a second operator, with their default threshold. */
  static final Map<String, Long> DEFAULT_THRESHOLDS = Map.of("redrive.bulk", 0L);

  @ConfigurationProperties("paystream.approvals")
  record Settings(Duration expireAfter, Map<String, Long> thresholdsMinor) {

    ApprovalPolicy policy() {
      Map<String, Long> thresholds = new HashMap<>(DEFAULT_THRESHOLDS);
      if (thresholdsMinor != null) {
        thresholds.putAll(thresholdsMinor);
      }
      return new ApprovalPolicy(
          expireAfter == null ? Duration.ofHours(24) : expireAfter, thresholds);
    }
  }

  @Bean
  Approvals approvals(
      Settings settings,
      JdbcTemplate jdbc,
      ObjectProvider<ApprovedAction> actions,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    return new Approvals(
        new JdbcApprovalStore(jdbc),
        settings.policy(),
        () -> actions.orderedStream().toList(),
        audit,
        transactions,
        clock);
  }
}
