package com.paystream.recon;

import com.paystream.security.AccessRules;
import com.paystream.security.Role;
import com.paystream.security.apidocs.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which role may call which route of reconciliation; everything else is denied. Operators upload
 * statements, resolve breaks (a second operator approves), and re-publish reports; auditors read,
 * the audit trail included; merchants have nothing here.
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationAccess {

  @Bean
  AccessRules accessRules() {
    return AccessRules.builder()
        .allow(HttpMethod.GET, "/v1/breaks", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/breaks/{breakId}", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/breaks/{breakId}/resolution", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/reports/{date}", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/clearing", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/reports/{date}", Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/statements", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/approvals", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/approvals/{approvalId}", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/approvals/{approvalId}/approve", Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/approvals/{approvalId}/reject", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/audit", Role.AUDITOR)
        .build();
  }

  /** What the served API description adds to the rules: the refusals each operation can give. */
  @Bean
  ApiDescription apiDescription() {
    return ApiDescription.builder(
            "paystream reconciliation-svc",
            "Breaks between the ledger's cashflow and the providers' statements, their resolution,"
                + " statement ingestion and the daily reports. Every instance answers for the"
                + " whole unless scope=local is asked; 503 while the matching topology is not"
                + " running yet.")
        .answers("GET /v1/breaks", 503)
        .answers("GET /v1/breaks/{breakId}", 404, 503)
        .answers("POST /v1/breaks/{breakId}/resolution", 404, 409, 503)
        .answers("GET /v1/reports/{date}", 503)
        .answers("GET /v1/clearing", 503)
        .answers("POST /v1/reports/{date}", 503)
        .answers("POST /v1/statements", 413, 415, 422)
        .fourEyesApprovals()
        .build();
  }
}
