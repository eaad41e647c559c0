package com.paystream.security.reactive;

import com.paystream.security.AccessRules;
import com.paystream.security.Actor;
import com.paystream.security.ActorAuthentication;
import com.paystream.security.ApiKeyRegistry;
import com.paystream.security.ApiKeyToken;
import com.paystream.security.JwtActors;
import com.paystream.security.Problems;
import com.paystream.security.ReactiveRefusalAudit;
import com.paystream.security.RefusalAudit;
import com.paystream.security.Role;
import com.paystream.security.SecurityProperties;
import com.paystream.security.input.InputPolicyConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The reactive service's security, the same model as {@code ServletSecurity}: stateless bearer
 * authentication (API key or OIDC access token), the service's {@link AccessRules} in order,
 * everything else denied, refusals as problem JSON told to the {@link ReactiveRefusalAudit}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@Import(InputPolicyConfiguration.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class ReactiveSecurity {

  private static final Logger LOG = LoggerFactory.getLogger(ReactiveSecurity.class);

  @Bean
  ApiKeyRegistry apiKeyRegistry(SecurityProperties properties) {
    return new ApiKeyRegistry(properties.principals());
  }

  @Bean
  SecurityWebFilterChain paystreamSecurity(
      ServerHttpSecurity http,
      AccessRules rules,
      ApiKeyRegistry keys,
      SecurityProperties properties,
      ObjectProvider<ReactiveJwtDecoder> jwtDecoder,
      ObjectProvider<ReactiveRefusalAudit> audit) {
    ReactiveAuthenticationManager bearer =
        bearerAuthentication(keys, properties, jwtDecoder.getIfAvailable());
    return http.csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .oauth2ResourceServer(
            server ->
                server
                    .authenticationManagerResolver(exchange -> Mono.just(bearer))
                    .authenticationEntryPoint((exchange, e) -> unauthorized(exchange, audit))
                    .accessDeniedHandler((exchange, e) -> forbidden(exchange, audit)))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint((exchange, e) -> unauthorized(exchange, audit))
                    .accessDeniedHandler((exchange, e) -> forbidden(exchange, audit)))
        .authorizeExchange(
            authorize -> {
              for (AccessRules.Rule rule : rules.rules()) {
                var matcher =
                    rule.method().isPresent()
                        ? authorize.pathMatchers(rule.method().get(), rule.pattern())
                        : authorize.pathMatchers(rule.pattern());
                if (rule.open()) {
                  matcher.permitAll();
                } else {
                  matcher.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                }
              }
              authorize.anyExchange().denyAll();
            })
        .build();
  }

  static ReactiveAuthenticationManager bearerAuthentication(
      ApiKeyRegistry keys, SecurityProperties properties, ReactiveJwtDecoder jwtDecoder) {
    ReactiveAuthenticationManager jwt;
    if (jwtDecoder != null) {
      JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(jwtDecoder);
      manager.setJwtAuthenticationConverter(
          new ReactiveJwtAuthenticationConverterAdapter(new JwtActors(properties.oidc())));
      jwt = manager;
    } else {
      jwt = authentication -> Mono.error(new InvalidBearerTokenException("invalid credentials"));
    }
    return authentication -> {
      String token = ((BearerTokenAuthenticationToken) authentication).getToken();
      if (ApiKeyToken.looksLikeApiKey(token)) {
        return keys.authenticate(token)
            .<org.springframework.security.core.Authentication>map(ActorAuthentication::new)
            .map(Mono::just)
            .orElseGet(() -> Mono.error(new InvalidBearerTokenException("invalid credentials")));
      }
      return jwt.authenticate(authentication);
    };
  }

  private static Mono<Void> unauthorized(
      ServerWebExchange exchange, ObjectProvider<ReactiveRefusalAudit> audit) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, Problems.CHALLENGE);
    return tell(exchange, audit, Optional.empty(), 401, "unauthenticated")
        .then(
            write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                Problems.unauthorized(exchange.getRequest().getPath().value())));
  }

  private static Mono<Void> forbidden(
      ServerWebExchange exchange, ObjectProvider<ReactiveRefusalAudit> audit) {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(ActorAuthentication.class::isInstance)
        .map(authentication -> Optional.of(((ActorAuthentication) authentication).actor()))
        .defaultIfEmpty(Optional.<Actor>empty())
        .flatMap(actor -> tell(exchange, audit, actor, 403, "role not allowed"))
        .then(
            write(
                exchange,
                HttpStatus.FORBIDDEN,
                Problems.forbidden(exchange.getRequest().getPath().value())));
  }

  private static Mono<Void> tell(
      ServerWebExchange exchange,
      ObjectProvider<ReactiveRefusalAudit> audit,
      Optional<Actor> actor,
      int status,
      String reason) {
    ReactiveRefusalAudit refusals = audit.getIfAvailable();
    if (refusals == null) {
      return Mono.empty();
    }
    RefusalAudit.Refusal refusal =
        new RefusalAudit.Refusal(
            exchange.getRequest().getMethod().name(),
            exchange.getRequest().getPath().value(),
            actor,
            status,
            reason);
    // The request stays refused either way; a lost audit record must at least be seen.
    return Mono.defer(() -> refusals.refused(refusal))
        .onErrorResume(
            e -> {
              LOG.error(
                  "refusal audit failed for {} {} ({}): {}",
                  refusal.method(),
                  Problems.jsonSafe(refusal.path()),
                  status,
                  e.toString());
              return Mono.empty();
            });
  }

  private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String body) {
    var response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.parseMediaType(Problems.CONTENT_TYPE));
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
