package com.paystream.gateway.approvals.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.paystream.gateway.support.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The four-eyes routes; every answer that is not a success is a problem body. */
@Configuration(proxyBeanMethods = false)
public class ApprovalRoutes {

  @Bean
  RouterFunction<ServerResponse> approvalApi(ApprovalHandler approvals) {
    return RouterFunctions.route()
        .route(GET("/v1/approvals"), approvals::list)
        .route(GET("/v1/approvals/{id}"), approvals::get)
        .route(POST("/v1/approvals/{id}/approve"), approvals::approve)
        .route(POST("/v1/approvals/{id}/reject"), approvals::reject)
        .filter(new ApiErrors())
        .build();
  }
}
