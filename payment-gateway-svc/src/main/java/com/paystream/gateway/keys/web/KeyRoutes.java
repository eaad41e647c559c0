package com.paystream.gateway.keys.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.paystream.gateway.support.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The key API's routes (admins only, see the access rules). */
@Configuration(proxyBeanMethods = false)
public class KeyRoutes {

  @Bean
  RouterFunction<ServerResponse> keyApi(KeyHandler keys) {
    return RouterFunctions.route()
        .route(GET("/v1/keys"), keys::list)
        .route(POST("/v1/keys"), keys::mint)
        .filter(new ApiErrors())
        .build();
  }
}
