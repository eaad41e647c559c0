package com.paystream.gateway;

import com.paystream.security.AccessRules;
import com.paystream.security.Role;
import com.paystream.security.apidocs.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which role may call which route of the gateway; everything else is denied. Webhooks are public
 * (their signature proves the provider); merchants see and change only their own payments (checked
 * by the use cases), operators correct and decide each other's corrections (four eyes), auditors
 * read (the audit trail only they), admins manage keys.
 */
@Configuration(proxyBeanMethods = false)
class GatewayAccess {

  @Bean
  AccessRules accessRules() {
    return AccessRules.builder()
        .open(HttpMethod.POST, "/v1/webhooks/{provider}")
        .allow(HttpMethod.POST, "/v1/payments", Role.MERCHANT)
        .allow(HttpMethod.GET, "/v1/payments", Role.MERCHANT, Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/payments/{id}", Role.MERCHANT, Role.OPERATOR, Role.AUDITOR)
        .allow(
            HttpMethod.GET, "/v1/payments/{id}/history", Role.MERCHANT, Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/payments/{id}/cancel", Role.MERCHANT, Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/payments/{id}/refunds", Role.MERCHANT, Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/payments/{id}/amendments", Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/payments/{id}/supplements", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/approvals", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/approvals/{id}", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/approvals/{id}/approve", Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/approvals/{id}/reject", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/audit", Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/keys", Role.ADMIN)
        .allow(HttpMethod.POST, "/v1/keys", Role.ADMIN)
        .build();
  }

  /**
   * What the served API description adds to the rules: the webhook's signature schemes (either
   * dialect) and the refusals each operation can give.
   */
  @Bean
  ApiDescription apiDescription() {
    return ApiDescription.builder(
            "paystream payment-gateway-svc",
            "The edge: merchants' payments API, refunds and cancellations, operators' corrections"
                + " (four eyes), the audit trail, API keys, and the providers' signed webhooks.")
        .signedBy("POST /v1/webhooks/{provider}", "webhook-signature", "Stripe-Signature")
        .answers("POST /v1/webhooks/{provider}", 404, 413, 415, 503)
        .answers("POST /v1/payments", 409, 422, 503)
        .answers("GET /v1/payments/{id}", 404)
        .answers("GET /v1/payments/{id}/history", 404)
        .answers("POST /v1/payments/{id}/cancel", 404, 409, 422, 503)
        .answers("POST /v1/payments/{id}/refunds", 404, 409, 422, 503)
        .answers("POST /v1/payments/{id}/amendments", 404, 409, 422)
        .answers("POST /v1/payments/{id}/supplements", 409, 422)
        .fourEyesApprovals()
        .build();
  }
}
