package com.paystream.gateway.audit.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.paystream.gateway.support.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The auditors' route, {@code GET /v1/audit} (auditors only, see the access rules). */
@Configuration(proxyBeanMethods = false)
public class AuditRoutes {

  @Bean
  RouterFunction<ServerResponse> auditApi(AuditHandler audit) {
    return RouterFunctions.route()
        .route(GET("/v1/audit"), audit::find)
        .filter(new ApiErrors())
        .build();
  }
}
