package com.paystream.gateway;

import com.paystream.security.AccessRules;
import com.paystream.security.Role;
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
}
