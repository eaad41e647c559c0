package com.paystream.gateway.keys.web;

import com.paystream.gateway.audit.AuditTrail;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.ApiRequests;
import com.paystream.gateway.support.web.GatewayInput;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.security.Actor;
import com.paystream.security.ApiKeyRegistry;
import com.paystream.security.ApiKeyToken;
import com.paystream.security.PrincipalKeys;
import com.paystream.security.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Lists the configured keys (ids and principals, never hashes) and mints new ones. A minted key is
 * not stored anywhere by the service: the admin puts its hash into the deployment's security file
 * (the same one every service reads), alongside the principal's current key until that one is
 * retired — two active keys per principal allow rotation without downtime.
 */
@Component
public class KeyHandler {

  private final ApiKeyRegistry keys;
  private final AuditTrail audit;
  private final GatewayInput input;

  public KeyHandler(ApiKeyRegistry keys, AuditTrail audit, GatewayInput input) {
    this.keys = keys;
    this.audit = audit;
    this.input = input;
  }

  /** One configured key. */
  record KeyView(String keyId, String principal, String role, String merchantId) {}

  /** {@code GET /v1/keys}. */
  public Mono<ServerResponse> list(ServerRequest request) {
    List<KeyView> views =
        keys.keys().entrySet().stream()
            .map(
                e ->
                    new KeyView(
                        e.getKey(),
                        e.getValue().name(),
                        e.getValue().role().name(),
                        e.getValue().merchantId().orElse(null)))
            .sorted(Comparator.comparing(KeyView::principal).thenComparing(KeyView::keyId))
            .toList();
    return ServerResponse.ok().bodyValue(Map.of("keys", views));
  }

  /** A minted key: the token, shown once, and the properties that activate it. */
  record Minted(String keyId, String token, String sha256, Map<String, String> properties) {}

  /** {@code POST /v1/keys} with {@code {"principal": ..., "role": ..., "merchantId": ...}}. */
  public Mono<ServerResponse> mint(ServerRequest request) {
    return ApiRequests.json(request)
        .map(this::holder)
        .flatMap(
            holder -> {
              ApiKeyToken.Issued issued = ApiKeyToken.issue();
              PrincipalKeys.Holder withToken =
                  new PrincipalKeys.Holder(
                      holder.name(), holder.role(), holder.merchantId(), issued.token());
              // Nothing is stored but the record of who minted which key for whom (never the
              // token or its hash).
              return audit
                  .alone(
                      "key.mint",
                      "key:" + issued.keyId(),
                      AuditOutcome.ACCEPTED,
                      "for " + holder.role().name().toLowerCase(Locale.ROOT) + ":" + holder.name(),
                      Optional.empty())
                  .then(
                      Mono.defer(
                          () ->
                              ServerResponse.status(201)
                                  .header("Cache-Control", "no-store")
                                  .bodyValue(
                                      new Minted(
                                          issued.keyId(),
                                          issued.token(),
                                          issued.sha256Hex(),
                                          PrincipalKeys.properties(List.of(withToken))))));
            });
  }

  private PrincipalKeys.Holder holder(JsonNode json) {
    String name = text(json, "principal");
    // Checked before anything that could repeat the value in its message.
    if (name.length() > 64 || !name.matches("[A-Za-z0-9._@-]+")) {
      throw ApiException.badRequest("principal: 1 to 64 letters, digits or . _ @ -");
    }
    String roleName = text(json, "role");
    Role role;
    try {
      role = Role.valueOf(roleName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("role must be one of " + List.of(Role.values()));
    }
    String merchantId =
        json.hasNonNull("merchantId") ? input.identifier(json, "merchantId", null) : null;
    try {
      // The same checks the services apply to their configuration.
      new Actor(name, role, java.util.Optional.ofNullable(merchantId), "key:new");
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return new PrincipalKeys.Holder(name, role, merchantId, null);
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    return value.asString();
  }
}
