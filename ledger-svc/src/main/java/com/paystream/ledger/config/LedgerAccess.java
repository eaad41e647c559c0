package com.paystream.ledger.config;

import com.paystream.security.AccessRules;
import com.paystream.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which role may call which route of the ledger; everything else is denied. Merchants read only
 * their own accounts and entries (checked by the controllers), operators change, auditors read.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerAccess {

  @Bean
  AccessRules accessRules() {
    return AccessRules.builder()
        // The read subset of the Confluent Schema Registry API (a lookup is a POST).
        .open(HttpMethod.GET, "/schema-registry/**")
        .open(HttpMethod.POST, "/schema-registry/**")
        .allow(
            HttpMethod.GET,
            "/v1/payments/{paymentId}/entries",
            Role.MERCHANT,
            Role.OPERATOR,
            Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/entries/{entryId}", Role.MERCHANT, Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/accounts", Role.MERCHANT, Role.OPERATOR, Role.AUDITOR)
        .allow(
            HttpMethod.GET, "/v1/accounts/{accountId}", Role.MERCHANT, Role.OPERATOR, Role.AUDITOR)
        .allow(
            HttpMethod.GET,
            "/v1/accounts/{accountId}/balance",
            Role.MERCHANT,
            Role.OPERATOR,
            Role.AUDITOR)
        .allow(
            HttpMethod.GET,
            "/v1/accounts/{accountId}/statement",
            Role.MERCHANT,
            Role.OPERATOR,
            Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/days/{date}", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/days/{date}/close", Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/holds", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/holds/{holdId}", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/holds/{holdId}/capture", Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/holds/{holdId}/release", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/journal/verification", Role.AUDITOR, Role.OPERATOR)
        // Four eyes: operators and auditors see the requests, operators decide them (never their
        // own: the handler refuses that with 403 self-approval).
        .allow(HttpMethod.GET, "/v1/approvals", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/approvals/{approvalId}", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/approvals/{approvalId}/approve", Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/approvals/{approvalId}/reject", Role.OPERATOR)
        // The audit trail is for auditors only.
        .allow(HttpMethod.GET, "/v1/audit", Role.AUDITOR)
        .build();
  }
}
