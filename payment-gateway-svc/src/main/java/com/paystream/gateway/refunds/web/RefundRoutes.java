package com.paystream.gateway.refunds.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.paystream.gateway.support.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The refunds API's route; every answer that is not a success is a problem body. */
@Configuration(proxyBeanMethods = false)
public class RefundRoutes {

  @Bean
  RouterFunction<ServerResponse> refundApi(RefundHandler refunds) {
    return RouterFunctions.route()
        .route(POST("/v1/payments/{id}/refunds"), refunds::refund)
        .filter(new ApiErrors())
        .build();
  }
}
