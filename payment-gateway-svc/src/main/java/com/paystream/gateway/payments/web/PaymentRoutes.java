package com.paystream.gateway.payments.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.paystream.gateway.support.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The payments API's routes: creating, reading and cancelling payments (refunds and corrections
 * have their own, in their features); every answer that is not a success is a problem body.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentRoutes {

  @Bean
  RouterFunction<ServerResponse> paymentApi(
      PaymentHandler payments, CancellationHandler cancellation) {
    return RouterFunctions.route()
        .route(POST("/v1/payments"), payments::create)
        .route(GET("/v1/payments"), payments::list)
        .route(GET("/v1/payments/{id}"), payments::get)
        .route(GET("/v1/payments/{id}/history"), payments::history)
        .route(POST("/v1/payments/{id}/cancel"), cancellation::cancel)
        .filter(new ApiErrors())
        .build();
  }
}
