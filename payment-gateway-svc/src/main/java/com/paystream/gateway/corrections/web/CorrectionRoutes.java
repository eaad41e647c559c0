package com.paystream.gateway.corrections.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.paystream.gateway.support.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The corrections API's routes; every answer that is not a success is a problem body. */
@Configuration(proxyBeanMethods = false)
public class CorrectionRoutes {

  @Bean
  RouterFunction<ServerResponse> correctionApi(CorrectionHandler corrections) {
    return RouterFunctions.route()
        .route(POST("/v1/payments/{id}/amendments"), corrections::amend)
        .route(POST("/v1/payments/{id}/supplements"), corrections::supplement)
        .filter(new ApiErrors())
        .build();
  }
}
