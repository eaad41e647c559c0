package com.paystream.ledger.config;

import com.paystream.security.AccessRules;
import com.paystream.security.Role;
import com.paystream.security.apidocs.ApiDescription;
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
        // Merchant payouts and their bank details: operators ask (a second operator approves what
        // needs four eyes), operators and auditors read; merchants see neither here.
        .allow(HttpMethod.POST, "/v1/merchants/{merchantId}/payouts", Role.OPERATOR)
        .allow(
            HttpMethod.GET,
            "/v1/merchants/{merchantId}/payouts/{payoutId}",
            Role.OPERATOR,
            Role.AUDITOR)
        .allow(HttpMethod.PUT, "/v1/merchants/{merchantId}/bank-details", Role.OPERATOR)
        .allow(
            HttpMethod.GET, "/v1/merchants/{merchantId}/bank-details", Role.OPERATOR, Role.AUDITOR)
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

  /** What the served API description adds to the rules: the refusals each operation can give. */
  @Bean
  ApiDescription apiDescription() {
    return ApiDescription.builder(
            "paystream ledger-svc",
            "The double-entry ledger: journal entries per payment, accounts, balances and"
                + " statements, holds, merchant payouts, the end-of-day close, the journal's verification and the"
                + " read subset of the Confluent Schema Registry API for the ledger topics.")
        .answers("GET /v1/payments/{paymentId}/entries", 404)
        .answers("GET /v1/entries/{entryId}", 404)
        .answers("GET /v1/accounts/{accountId}", 404)
        .answers("GET /v1/accounts/{accountId}/balance", 404)
        .answers("GET /v1/accounts/{accountId}/statement", 404)
        .answers("POST /v1/days/{date}/close", 409)
        .answers("POST /v1/holds", 404, 409, 422)
        .answers("GET /v1/holds/{holdId}", 404)
        .answers("POST /v1/holds/{holdId}/capture", 404, 409, 422)
        .answers("POST /v1/holds/{holdId}/release", 404, 409, 422)
        .answers("POST /v1/merchants/{merchantId}/payouts", 404, 409, 422)
        .answers("GET /v1/merchants/{merchantId}/payouts/{payoutId}", 404)
        .answers("GET /v1/merchants/{merchantId}/bank-details", 404)
        .fourEyesApprovals()
        .answers("POST /v1/approvals/{approvalId}/approve", 422)
        .build();
  }
}
