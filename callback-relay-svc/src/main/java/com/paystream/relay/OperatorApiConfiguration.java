package com.paystream.relay;

import com.paystream.platform.input.InputPolicy;
import com.paystream.relay.approvals.Approvals;
import com.paystream.relay.audit.AuditTrail;
import com.paystream.relay.delivery.DeliveryProperties;
import com.paystream.relay.input.RequestInput;
import com.paystream.relay.operator.BulkRedriveApproval;
import com.paystream.relay.operator.OperatorService;
import com.paystream.relay.operator.kafka.AvroPayloadReader;
import com.paystream.relay.operator.persistence.JdbcMessageStore;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.security.AccessRules;
import com.paystream.security.Role;
import com.paystream.security.apidocs.ApiDescription;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the operator API: which roles may call it, where it reads, and what it records. */
@Configuration(proxyBeanMethods = false)
class OperatorApiConfiguration {

  /**
   * Operators redrive (a bulk redrive once a second operator approves), auditors read, the audit
   * trail included; everything else is denied.
   */
  @Bean
  AccessRules accessRules() {
    return AccessRules.builder()
        .allow(HttpMethod.GET, "/v1/callbacks", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/callbacks/{messageId}", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/callbacks/{messageId}/redrive", Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/callbacks/redrive", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/approvals", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.GET, "/v1/approvals/{approvalId}", Role.OPERATOR, Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/approvals/{approvalId}/approve", Role.OPERATOR)
        .allow(HttpMethod.POST, "/v1/approvals/{approvalId}/reject", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/audit", Role.AUDITOR)
        .build();
  }

  @Bean
  OperatorService operatorService(
      JdbcTemplate jdbc,
      SchemaRegistry registry,
      MeterRegistry meters,
      DeliveryProperties delivery,
      Approvals approvals,
      AuditTrail audit) {
    return new OperatorService(
        new JdbcMessageStore(jdbc, delivery.redeliverySchedule().get(0)),
        new AvroPayloadReader(registry),
        approvals,
        audit,
        meters);
  }

  /** How the web adapters read request values: the suite's input policy, applied in one place. */
  @Bean
  RequestInput requestInput(InputPolicy policy) {
    return new RequestInput(policy);
  }

  @Bean
  BulkRedriveApproval bulkRedriveApproval(OperatorService operators) {
    return new BulkRedriveApproval(operators);
  }

  /** What the served API description adds to the rules: the refusals each operation can give. */
  @Bean
  ApiDescription apiDescription() {
    return ApiDescription.builder(
            "paystream callback-relay-svc",
            "The relay's operator API: recorded callbacks and their delivery history, single and"
                + " bulk redrives (a bulk redrive needs a second operator's approval) and the"
                + " audit trail.")
        .answers("GET /v1/callbacks/{messageId}", 404)
        .answers("POST /v1/callbacks/{messageId}/redrive", 404, 409)
        .answers("POST /v1/callbacks/redrive", 409)
        .fourEyesApprovals()
        .build();
  }
}
