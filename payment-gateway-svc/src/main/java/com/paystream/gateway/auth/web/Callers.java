package com.paystream.gateway.auth.web;

import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.security.ActorAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The caller of an API request, as the security layer proved it (API key or OIDC token, see the
 * security module). Routes are already restricted to their roles there; this names the caller for
 * the use cases and refuses what a role rule cannot say (e.g. an admin on the payments API).
 */
@Component
public class Callers {

  public Mono<Caller> caller(ServerRequest request) {
    return request
        .principal()
        .filter(ActorAuthentication.class::isInstance)
        .map(principal -> Caller.of(((ActorAuthentication) principal).actor()))
        .flatMap(caller -> caller.map(Mono::just).orElseGet(Mono::empty))
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiException.forbidden(
                        "the payments API is for merchants, operators and auditors")));
  }

  /** The caller, who must be an operator. */
  public Mono<Caller.Operator> operator(ServerRequest request) {
    return caller(request)
        .flatMap(
            caller ->
                caller instanceof Caller.Operator operator
                    ? Mono.just(operator)
                    : Mono.error(ApiException.forbidden("this needs the operator role")));
  }
}
