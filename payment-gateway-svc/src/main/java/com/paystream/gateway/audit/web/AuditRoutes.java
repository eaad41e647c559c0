package com.paystream.gateway.audit.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.paystream.gateway.support.web.ApiErrors;
import com.paystream.platform.audit.AuditOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The auditors' route, {@code GET /v1/audit} (auditors only, see the access rules). */
@Configuration(proxyBeanMethods = false)
public class AuditRoutes {

  @Bean
  @RouterOperations({
    @RouterOperation(
        path = "/v1/audit",
        method = RequestMethod.GET,
        operation =
            @Operation(
                operationId = "findAuditRecords",
                summary = "The gateway's audit trail, a page at a time (auditors)",
                tags = "audit",
                parameters = {
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "from",
                      schema = @Schema(type = "string", format = "date-time")),
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "to",
                      schema = @Schema(type = "string", format = "date-time")),
                  @Parameter(in = ParameterIn.QUERY, name = "actor"),
                  @Parameter(in = ParameterIn.QUERY, name = "action"),
                  @Parameter(in = ParameterIn.QUERY, name = "target"),
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "outcome",
                      schema = @Schema(implementation = AuditOutcome.class)),
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "limit",
                      schema = @Schema(type = "integer", minimum = "1")),
                  @Parameter(
                      in = ParameterIn.QUERY,
                      name = "cursor",
                      description = "next_cursor of the previous page")
                },
                responses = {@ApiResponse(responseCode = "200", description = "A page")}))
  })
  RouterFunction<ServerResponse> auditApi(AuditHandler audit) {
    return RouterFunctions.route()
        .route(GET("/v1/audit"), audit::find)
        .filter(new ApiErrors())
        .build();
  }
}
