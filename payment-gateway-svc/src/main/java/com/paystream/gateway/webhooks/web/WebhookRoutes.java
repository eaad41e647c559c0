package com.paystream.gateway.webhooks.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes webhooks to the handler. A functional route rather than an annotated controller: the
 * handler must read the raw bytes (the signature covers them) and answer 404/413/415 itself, with
 * its own problem bodies and counters, before any codec or content negotiation runs.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookRoutes {

  @Bean
  RouterFunction<ServerResponse> webhookRoute(WebhookHandler handler) {
    return route(POST("/v1/webhooks/{provider}"), handler::receive);
  }
}
