package com.paystream.gateway.auth.web;

import com.paystream.gateway.auth.ApiKeyToken;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.auth.persistence.ApiKeyRepository;
import com.paystream.gateway.auth.persistence.ApiKeyRepository.StoredKey;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.platform.ids.MerchantId;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Authenticates API requests by their bearer API key. Every failure reads the same to the caller
 * ("invalid API key"), so that probing cannot tell an unknown key from a revoked one.
 */
@Component
public class ApiKeyAuthenticator {

  private static final String BEARER = "Bearer ";
  private static final String INVALID = "invalid API key";

  private final ApiKeyRepository keys;

  public ApiKeyAuthenticator(ApiKeyRepository keys) {
    this.keys = keys;
  }

  public Mono<Caller> authenticate(ServerRequest request) {
    String header = request.headers().firstHeader("Authorization");
    if (header == null || !header.startsWith(BEARER)) {
      return Mono.error(
          ApiException.unauthenticated("an Authorization: Bearer API key is required"));
    }
    String token = header.substring(BEARER.length()).strip();
    return ApiKeyToken.keyId(token)
        .map(
            keyId ->
                keys.find(keyId)
                    .filter(stored -> stored.revokedAt().isEmpty())
                    .filter(stored -> ApiKeyToken.matches(token, stored.secretSha256()))
                    .map(ApiKeyAuthenticator::caller)
                    .switchIfEmpty(Mono.error(() -> ApiException.unauthenticated(INVALID))))
        .orElseGet(() -> Mono.error(ApiException.unauthenticated(INVALID)));
  }

  /** Authenticates and insists on an operator. */
  public Mono<Caller.Operator> operator(ServerRequest request) {
    return authenticate(request)
        .flatMap(
            caller ->
                caller instanceof Caller.Operator operator
                    ? Mono.just(operator)
                    : Mono.error(ApiException.forbidden("this needs the operator role")));
  }

  private static Caller caller(StoredKey stored) {
    return switch (stored.role()) {
      case "MERCHANT" ->
          new Caller.Merchant(new MerchantId(stored.merchantId().orElseThrow()), stored.keyId());
      case "OPERATOR" -> new Caller.Operator(stored.operatorName().orElseThrow(), stored.keyId());
      default -> throw new IllegalStateException("unknown role " + stored.role());
    };
  }
}
