package com.paystream.gateway.corrections.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.paystream.gateway.support.web.ApiErrors;
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
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The corrections API's routes; every answer that is not a success is a problem body. */
@Configuration(proxyBeanMethods = false)
public class CorrectionRoutes {

  @Bean
  @RouterOperations({
    @RouterOperation(
        path = "/v1/payments/{id}/amendments",
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "amendPayment",
                summary =
                    "Amend a payment's amount or status (operators; a second operator approves)",
                tags = "corrections",
                parameters = {
                  @Parameter(
                      in = ParameterIn.PATH,
                      name = "id",
                      required = true,
                      description = "the payment's id"),
                  @Parameter(
                      in = ParameterIn.HEADER,
                      name = "Idempotency-Key",
                      required = true,
                      description =
                          "1-255 printable ASCII characters; the same key answers the same request again")
                },
                requestBody =
                    @RequestBody(
                        required = true,
                        content =
                            @Content(
                                mediaType = "application/json",
                                schema =
                                    @Schema(implementation = CorrectionBodies.Amendment.class))),
                responses = {
                  @ApiResponse(
                      responseCode = "200",
                      description = "The payment, or the approval request")
                })),
    @RouterOperation(
        path = "/v1/payments/{id}/supplements",
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "supplementPayment",
                summary =
                    "Book a payment proven by a statement (operators; a second operator approves)",
                tags = "corrections",
                parameters = {
                  @Parameter(
                      in = ParameterIn.PATH,
                      name = "id",
                      required = true,
                      description = "the payment's id"),
                  @Parameter(
                      in = ParameterIn.HEADER,
                      name = "Idempotency-Key",
                      required = true,
                      description =
                          "1-255 printable ASCII characters; the same key answers the same request again")
                },
                requestBody =
                    @RequestBody(
                        required = true,
                        content =
                            @Content(
                                mediaType = "application/json",
                                schema =
                                    @Schema(implementation = CorrectionBodies.Supplement.class))),
                responses = {
                  @ApiResponse(
                      responseCode = "200",
                      description = "The payment, or the approval request")
                }))
  })
  RouterFunction<ServerResponse> correctionApi(CorrectionHandler corrections) {
    return RouterFunctions.route()
        .route(POST("/v1/payments/{id}/amendments"), corrections::amend)
        .route(POST("/v1/payments/{id}/supplements"), corrections::supplement)
        .filter(new ApiErrors())
        .build();
  }
}
