package com.paystream.gateway.approvals.config;

import com.paystream.platform.approvals.ApprovalPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's four-eyes policy. By default every amendment, every supplement and every operator
 * cancellation needs a second operator (threshold 0); a threshold set higher exempts smaller
 * amounts, and an action removed from the map needs none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApprovalConfiguration.ApprovalProperties.class)
public class ApprovalConfiguration {

  /** The actions of the gateway that can need four eyes, with their default thresholds. */
  static final Map<String, Long> DEFAULT_THRESHOLDS =
      Map.of("payment.amend", 0L, "payment.supplement", 0L, "payment.cancel", 0L);

  /**
   * {@code paystream.approvals.*}.
   *
   * @param expireAfter how long a request waits for a decision
   * @param thresholdsMinor per action, the amount (minor units) from which it needs a second
   *     operator; a negative value switches four eyes off for that action
   */
  @ConfigurationProperties("paystream.approvals")
  public record ApprovalProperties(
      @DefaultValue("24h") Duration expireAfter, Map<String, Long> thresholdsMinor) {}

  @Bean
  ApprovalPolicy approvalPolicy(ApprovalProperties properties) {
    Map<String, Long> thresholds = new LinkedHashMap<>(DEFAULT_THRESHOLDS);
    if (properties.thresholdsMinor() != null) {
      thresholds.putAll(properties.thresholdsMinor());
    }
    thresholds.values().removeIf(threshold -> threshold < 0);
    return new ApprovalPolicy(properties.expireAfter(), thresholds);
  }
}
