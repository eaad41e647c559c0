package com.paystream.gateway.approvals.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.paystream.gateway.approvals.StoredApproval;
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

/** The four-eyes routes; every answer that is not a success is a problem body. */
@Configuration(proxyBeanMethods = false)
public class ApprovalRoutes {

  @Bean
  @RouterOperations({
    @RouterOperation(
        path = "/v1/approvals",
        method = RequestMethod.GET,
        operation =
            @Operation(
                operationId = "listApprovals",
                summary = "Four-eyes requests",
                tags = "approvals",
                parameters = {
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "state",
                      schema = @Schema(implementation = StoredApproval.State.class)),
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "limit",
                      schema =
                          @Schema(
                              type = "integer",
                              defaultValue = "100",
                              minimum = "1",
                              maximum = "500"))
                },
                responses = {@ApiResponse(responseCode = "200", description = "The requests")})),
    @RouterOperation(
        path = "/v1/approvals/{id}",
        method = RequestMethod.GET,
        operation =
            @Operation(
                operationId = "getApproval",
                summary = "A four-eyes request",
                tags = "approvals",
                parameters = {
                  @Parameter(
                      in = ParameterIn.PATH,
                      name = "id",
                      required = true,
                      description = "the approval request's id")
                },
                responses = {@ApiResponse(responseCode = "200", description = "The request")})),
    @RouterOperation(
        path = "/v1/approvals/{id}/approve",
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "approve",
                summary = "Approve another operator's request; it is carried out",
                tags = "approvals",
                parameters = {
                  @Parameter(
                      in = ParameterIn.PATH,
                      name = "id",
                      required = true,
                      description = "the approval request's id")
                },
                requestBody =
                    @RequestBody(
                        required = false,
                        content =
                            @Content(
                                mediaType = "application/json",
                                schema = @Schema(implementation = DecisionBody.class))),
                responses = {
                  @ApiResponse(responseCode = "200", description = "The decided request")
                })),
    @RouterOperation(
        path = "/v1/approvals/{id}/reject",
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "reject",
                summary = "Reject another operator's request",
                tags = "approvals",
                parameters = {
                  @Parameter(
                      in = ParameterIn.PATH,
                      name = "id",
                      required = true,
                      description = "the approval request's id")
                },
                requestBody =
                    @RequestBody(
                        required = false,
                        content =
                            @Content(
                                mediaType = "application/json",
                                schema = @Schema(implementation = DecisionBody.class))),
                responses = {
                  @ApiResponse(responseCode = "200", description = "The decided request")
                }))
  })
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
