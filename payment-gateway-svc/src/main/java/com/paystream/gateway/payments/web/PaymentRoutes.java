package com.paystream.gateway.payments.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.paystream.gateway.support.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The payments API's routes; every answer that is not a success is a problem body. */
@Configuration(proxyBeanMethods = false)
public class PaymentRoutes {

  @Bean
  RouterFunction<ServerResponse> paymentApi(PaymentHandler payments, PaymentChangeHandler changes) {
    return RouterFunctions.route()
        .route(POST("/v1/payments"), payments::create)
        .route(GET("/v1/payments"), payments::list)
        .route(GET("/v1/payments/{id}"), payments::get)
        .route(GET("/v1/payments/{id}/history"), payments::history)
        .route(POST("/v1/payments/{id}/cancel"), changes::cancel)
        .route(POST("/v1/payments/{id}/refunds"), changes::refund)
        .route(POST("/v1/payments/{id}/amendments"), changes::amend)
        .route(POST("/v1/payments/{id}/supplements"), changes::supplement)
        .filter(new ApiErrors())
        .build();
  }
}
