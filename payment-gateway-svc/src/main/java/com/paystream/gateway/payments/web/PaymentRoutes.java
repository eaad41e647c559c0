package com.paystream.gateway.payments.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.paystream.gateway.payments.PaymentStatus;
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

/**
 * The payments API's routes: creating, reading and cancelling payments (refunds and corrections
 * have their own, in their features); every answer that is not a success is a problem body. The
 * annotations describe the routes in the served API description.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentRoutes {

  private static final String PAYMENT_ID = "the payment's id";

  @Bean
  @RouterOperations({
    @RouterOperation(
        path = "/v1/payments",
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "createPayment",
                summary = "Create a payment at a provider (merchants)",
                tags = "payments",
                parameters =
                    @Parameter(
                        in = ParameterIn.HEADER,
                        name = "Idempotency-Key",
                        required = true,
                        description =
                            "1-255 printable ASCII characters; the same key answers the same"
                                + " payment again"),
                requestBody =
                    @RequestBody(
                        required = true,
                        content =
                            @Content(
                                mediaType = "application/json",
                                schema = @Schema(implementation = PaymentBodies.Create.class))),
                responses = {
                  @ApiResponse(responseCode = "201", description = "Created (or the same again)")
                })),
    @RouterOperation(
        path = "/v1/payments",
        method = RequestMethod.GET,
        operation =
            @Operation(
                operationId = "listPayments",
                summary = "List payments, newest first, a page at a time",
                tags = "payments",
                parameters = {
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "merchant",
                      description = "a merchant's id (merchants see only their own)"),
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "status",
                      schema = @Schema(implementation = PaymentStatus.class)),
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "from",
                      schema = @Schema(type = "string", format = "date-time")),
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "to",
                      schema = @Schema(type = "string", format = "date-time")),
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "cursor",
                      description = "next_cursor of the previous page"),
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "limit",
                      schema = @Schema(type = "integer", defaultValue = "50", minimum = "1"))
                },
                responses = @ApiResponse(responseCode = "200", description = "A page"))),
    @RouterOperation(
        path = "/v1/payments/{id}",
        method = RequestMethod.GET,
        operation =
            @Operation(
                operationId = "getPayment",
                summary = "A payment",
                tags = "payments",
                parameters =
                    @Parameter(in = ParameterIn.PATH, name = "id", description = PAYMENT_ID),
                responses = @ApiResponse(responseCode = "200", description = "The payment"))),
    @RouterOperation(
        path = "/v1/payments/{id}/history",
        method = RequestMethod.GET,
        operation =
            @Operation(
                operationId = "getPaymentHistory",
                summary = "A payment's status history",
                tags = "payments",
                parameters =
                    @Parameter(in = ParameterIn.PATH, name = "id", description = PAYMENT_ID),
                responses = @ApiResponse(responseCode = "200", description = "The history"))),
    @RouterOperation(
        path = "/v1/payments/{id}/cancel",
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "cancelPayment",
                summary =
                    "Cancel a payment (an operator's late cancellation needs a second operator)",
                tags = "payments",
                parameters = {
                  @Parameter(in = ParameterIn.PATH, name = "id", description = PAYMENT_ID),
                  @Parameter(
                      in = ParameterIn.HEADER,
                      name = "Idempotency-Key",
                      description = "for an operator's cancellation")
                },
                requestBody =
                    @RequestBody(
                        content =
                            @Content(
                                mediaType = "application/json",
                                schema = @Schema(implementation = PaymentBodies.Cancel.class))),
                responses = @ApiResponse(responseCode = "200", description = "The payment")))
  })
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
