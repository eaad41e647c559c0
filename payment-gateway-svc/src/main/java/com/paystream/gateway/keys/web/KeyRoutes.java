package com.paystream.gateway.keys.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.paystream.gateway.support.web.ApiErrors;
import io.swagger.v3.oas.annotations.Operation;
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

/** The key API's routes (admins only, see the access rules). */
@Configuration(proxyBeanMethods = false)
public class KeyRoutes {

  @Bean
  @RouterOperations({
    @RouterOperation(
        path = "/v1/keys",
        method = RequestMethod.GET,
        operation =
            @Operation(
                operationId = "listKeys",
                summary = "The configured keys: ids and principals, never hashes (admins)",
                tags = "keys",
                responses = {@ApiResponse(responseCode = "200", description = "The keys")})),
    @RouterOperation(
        path = "/v1/keys",
        method = RequestMethod.POST,
        operation =
            @Operation(
                operationId = "mintKey",
                summary =
                    "Mint a key; the token is shown once, with the properties that activate it (admins)",
                tags = "keys",
                requestBody =
                    @RequestBody(
                        required = true,
                        content =
                            @Content(
                                mediaType = "application/json",
                                schema = @Schema(implementation = MintBody.class))),
                responses = {@ApiResponse(responseCode = "201", description = "The minted key")}))
  })
  RouterFunction<ServerResponse> keyApi(KeyHandler keys) {
    return RouterFunctions.route()
        .route(GET("/v1/keys"), keys::list)
        .route(POST("/v1/keys"), keys::mint)
        .filter(new ApiErrors())
        .build();
  }
}
