package com.paystream.gateway.webhooks.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMethod;
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
  @RouterOperations({
    @RouterOperation(
        path = "/v1/webhooks/{provider}",
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "receiveWebhook",
                summary = "A provider's signed callback: stored durably, then acknowledged",
                tags = "webhooks",
                parameters = {
                  @Parameter(
                      in = ParameterIn.PATH,
                      name = "provider",
                      required = true,
                      description = "a configured provider's name"),
                  @Parameter(
                      in = ParameterIn.HEADER,
                      name = "webhook-id",
                      description = "Standard Webhooks: the provider's event id"),
                  @Parameter(
                      in = ParameterIn.HEADER,
                      name = "webhook-timestamp",
                      description = "Standard Webhooks: unix seconds, within the tolerance (5 min)")
                },
                requestBody =
                    @RequestBody(
                        required = true,
                        content =
                            @Content(
                                mediaType = "application/json",
                                schema = @Schema(implementation = Object.class))),
                responses = {
                  @ApiResponse(
                      responseCode = "200",
                      description =
                          "Recorded (a duplicate event is recorded once and answered the same)")
                }))
  })
  RouterFunction<ServerResponse> webhookRoute(WebhookHandler handler) {
    return route(POST("/v1/webhooks/{provider}"), handler::receive);
  }
}
