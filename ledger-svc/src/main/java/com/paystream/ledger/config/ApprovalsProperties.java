package com.paystream.ledger.config;

import com.paystream.platform.approvals.ApprovalPolicy;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paystream.approvals.*}: how long a four-eyes request waits ({@code expire-after}, 24h) and
 * from what amount each action needs a second operator ({@code thresholds-minor.<action>}; 0:
 * always). The ledger's actions are {@code hold.capture} and {@code day.close-early}, both 0 in
 * application.yml; an action not listed needs no second operator.
 */
@ConfigurationProperties("paystream.approvals")
public record ApprovalsProperties(
    @DefaultValue("24h") Duration expireAfter, Map<String, Long> thresholdsMinor) {

  public ApprovalPolicy policy() {
    return new ApprovalPolicy(expireAfter, thresholdsMinor == null ? Map.of() : thresholdsMinor);
  }
}
