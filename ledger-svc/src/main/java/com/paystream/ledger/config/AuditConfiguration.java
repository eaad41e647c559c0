package com.paystream.ledger.config;

import com.paystream.ledger.approvals.ApprovalAction;
import com.paystream.ledger.approvals.ApprovalService;
import com.paystream.ledger.approvals.persistence.ApprovalStore;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.ledger.audit.persistence.AuditStore;
import com.paystream.ledger.audit.web.RefusalRecorder;
import com.paystream.ledger.audit.web.RequestIds;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.dayclose.DayCloseService;
import com.paystream.ledger.dayclose.EarlyCloseApproval;
import com.paystream.ledger.holds.HoldCaptureApproval;
import com.paystream.ledger.holds.HoldService;
import com.paystream.ledger.publishing.LedgerEventComposer;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The audit trail and four eyes: their stores, services, actions and web hooks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApprovalsProperties.class)
public class AuditConfiguration {

  /** Hands handler refusals (4xx) to the refusal recorder once they completed. */
  @Configuration(proxyBeanMethods = false)
  static class RefusalInterceptor implements WebMvcConfigurer {

    private final RefusalRecorder refusals;

    RefusalInterceptor(RefusalRecorder refusals) {
      this.refusals = refusals;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
      registry.addInterceptor(refusals);
    }
  }

  /** Before the security filters, so that a refused request is audited with its ids too. */
  @Bean
  FilterRegistrationBean<RequestIds> requestIds() {
    FilterRegistrationBean<RequestIds> registration =
        new FilterRegistrationBean<>(new RequestIds());
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }

  @Bean
  AuditTrail auditTrail(
      PlatformTransactionManager transactionManager,
      JdbcClient jdbc,
      LedgerEventComposer composer,
      JdbcBookingStore outbox,
      Clock clock) {
    return new AuditTrail(
        new TransactionTemplate(transactionManager), new AuditStore(jdbc), composer, outbox, clock);
  }

  @Bean
  HoldCaptureApproval holdCaptureApproval(HoldService holds) {
    return new HoldCaptureApproval(holds);
  }

  @Bean
  EarlyCloseApproval earlyCloseApproval(DayCloseService closes) {
    return new EarlyCloseApproval(closes);
  }

  @Bean
  ApprovalService approvalService(
      PlatformTransactionManager transactionManager,
      JdbcClient jdbc,
      AuditTrail audit,
      ApprovalsProperties properties,
      List<ApprovalAction> actions,
      Clock clock) {
    return new ApprovalService(
        new TransactionTemplate(transactionManager),
        new ApprovalStore(jdbc),
        audit,
        properties.policy(),
        actions,
        clock);
  }
}
