package com.paystream.security.servlet;

import com.paystream.security.AccessRules;
import com.paystream.security.Actor;
import com.paystream.security.ActorAuthentication;
import com.paystream.security.ApiKeyRegistry;
import com.paystream.security.ApiKeyToken;
import com.paystream.security.JwtActors;
import com.paystream.security.Problems;
import com.paystream.security.RefusalAudit;
import com.paystream.security.Role;
import com.paystream.security.SecurityProperties;
import com.paystream.security.input.InputPolicyConfiguration;
import com.paystream.security.servlet.edge.ServletEdge;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The servlet services' security: stateless bearer authentication (an API key or, when the resource
 * server is configured, an OIDC access token), the service's {@link AccessRules} in order, and
 * every other request denied. Refusals answer problem JSON and are told to the service's {@link
 * RefusalAudit}. Import it from the application class; the service supplies its AccessRules bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import({InputPolicyConfiguration.class, ServletEdge.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class ServletSecurity {

  private static final Logger LOG = LoggerFactory.getLogger(ServletSecurity.class);

  @Bean
  ApiKeyRegistry apiKeyRegistry(SecurityProperties properties) {
    return new ApiKeyRegistry(properties.principals());
  }

  @Bean
  SecurityFilterChain paystreamSecurity(
      HttpSecurity http,
      AccessRules rules,
      ApiKeyRegistry keys,
      SecurityProperties properties,
      ObjectProvider<JwtDecoder> jwtDecoder,
      ObjectProvider<RefusalAudit> audit)
      throws Exception {
    AuthenticationManager bearer =
        bearerAuthentication(keys, properties, jwtDecoder.getIfAvailable());
    http.csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .oauth2ResourceServer(
            server ->
                server
                    .authenticationManagerResolver(request -> bearer)
                    .authenticationEntryPoint(
                        (request, response, e) -> unauthorized(request, response, audit))
                    .accessDeniedHandler(
                        (request, response, e) -> forbidden(request, response, audit)))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(
                        (request, response, e) -> unauthorized(request, response, audit))
                    .accessDeniedHandler(
                        (request, response, e) -> forbidden(request, response, audit)))
        .authorizeHttpRequests(
            authorize -> {
              // Error pages are rendered for requests already decided; never reachable directly.
              authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
              for (AccessRules.Rule rule : rules.rules()) {
                var matcher =
                    rule.method().isPresent()
                        ? authorize.requestMatchers(rule.method().get(), rule.pattern())
                        : authorize.requestMatchers(rule.pattern());
                if (rule.open()) {
                  matcher.permitAll();
                } else {
                  matcher.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                }
              }
              authorize.anyRequest().denyAll();
            });
    return http.build();
  }

  /** API keys by their shape, anything else as an OIDC access token when that is configured. */
  static AuthenticationManager bearerAuthentication(
      ApiKeyRegistry keys, SecurityProperties properties, JwtDecoder jwtDecoder) {
    AuthenticationManager jwt;
    if (jwtDecoder != null) {
      JwtAuthenticationProvider provider = new JwtAuthenticationProvider(jwtDecoder);
      provider.setJwtAuthenticationConverter(new JwtActors(properties.oidc()));
      jwt = new ProviderManager(provider);
    } else {
      jwt =
          authentication -> {
            throw new InvalidBearerTokenException("invalid credentials");
          };
    }
    return authentication -> {
      String token = ((BearerTokenAuthenticationToken) authentication).getToken();
      if (ApiKeyToken.looksLikeApiKey(token)) {
        return keys.authenticate(token)
            .map(ActorAuthentication::new)
            .orElseThrow(() -> new InvalidBearerTokenException("invalid credentials"));
      }
      return jwt.authenticate(authentication);
    };
  }

  private static void unauthorized(
      HttpServletRequest request, HttpServletResponse response, ObjectProvider<RefusalAudit> audit)
      throws IOException {
    tell(request, audit, Optional.empty(), 401, "unauthenticated");
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, Problems.CHALLENGE);
    write(response, 401, Problems.unauthorized(request.getRequestURI()));
  }

  private static void forbidden(
      HttpServletRequest request, HttpServletResponse response, ObjectProvider<RefusalAudit> audit)
      throws IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    Optional<Actor> actor =
        authentication instanceof ActorAuthentication known
            ? Optional.of(known.actor())
            : Optional.empty();
    tell(request, audit, actor, 403, "role not allowed");
    write(response, 403, Problems.forbidden(request.getRequestURI()));
  }

  private static void tell(
      HttpServletRequest request,
      ObjectProvider<RefusalAudit> audit,
      Optional<Actor> actor,
      int status,
      String reason) {
    RefusalAudit.Refusal refusal =
        new RefusalAudit.Refusal(
            request.getMethod(), request.getRequestURI(), actor, status, reason);
    try {
      audit.ifAvailable(refusals -> refusals.refused(refusal));
    } catch (RuntimeException e) {
      // The request stays refused either way; a lost audit record must at least be seen.
      LOG.error(
          "refusal audit failed for {} {} ({}): {}",
          refusal.method(),
          Problems.jsonSafe(refusal.path()),
          status,
          e.toString());
    }
  }

  private static void write(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(Problems.CONTENT_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }
}
