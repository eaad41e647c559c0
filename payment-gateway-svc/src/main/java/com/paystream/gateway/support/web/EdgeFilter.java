package com.paystream.gateway.support.web;

import com.paystream.platform.input.InputReason;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the gateway refuses before authentication, because no credential could make the request
 * answerable: an encoded slash or backslash in the path (400 {@code encoded-slash}: no resource is
 * named by one, and decoding it would let {@code a%2Fb} address {@code a/b}), a path that can be
 * read two ways ({@code ;}, {@code %25}, {@code %2E}, empty or dot segments: 400 {@code
 * malformed-request}, where the security firewall would answer an empty 400), a path no route has
 * (404 {@code not-found}), a method the path does not take (405 {@code method-not-allowed}) and an
 * {@code Accept} the API cannot answer (406 {@code not-acceptable}). Security would otherwise
 * answer all of them 401 or 403, which tells a caller nothing about the mistake.
 *
 * <p>Runs after the request audit ({@code -200}, so a refused state-changing request is audited)
 * and before Spring Security ({@code -100}). Webhooks keep their own edge; the actuator and the API
 * description ({@code /v3/api-docs}, an annotated controller, not a route) are not the API.
 */
@Component
@Order(-150)
public class EdgeFilter implements WebFilter {

  private static final List<HttpMethod> METHODS =
      List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
  private static final List<MediaType> ANSWERS =
      List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

  private final ObjectProvider<RouterFunction<?>> routers;
  private final ServerCodecConfigurer codecs;

  public EdgeFilter(ObjectProvider<RouterFunction<?>> routers, ServerCodecConfigurer codecs) {
    this.routers = routers;
    this.codecs = codecs;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String rawPath = exchange.getRequest().getURI().getRawPath();
    if (hasEncodedSeparator(rawPath)) {
      return EdgeRefusals.write(
          exchange,
          HttpStatus.BAD_REQUEST,
          InputReason.ENCODED_SLASH,
          "a path may not carry an encoded slash or backslash (%2F, %5C): "
              + EdgeRefusals.echo(rawPath));
    }
    if (isAmbiguous(rawPath)) {
      return EdgeRefusals.write(
          exchange,
          HttpStatus.BAD_REQUEST,
          InputReason.MALFORMED_REQUEST,
          "a path may not carry ; %25 %2E, empty or dot segments: " + EdgeRefusals.echo(rawPath));
    }
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (path.startsWith("/v1/webhooks/")
        || path.startsWith("/actuator")
        || path.startsWith("/v3/api-docs")) {
      return chain.filter(exchange);
    }
    return routed(exchange, exchange.getRequest().getMethod())
        .flatMap(
            found -> {
              if (found) {
                return acceptable(exchange) ? chain.filter(exchange) : notAcceptable(exchange);
              }
              return Flux.fromIterable(METHODS)
                  .filter(method -> !method.equals(exchange.getRequest().getMethod()))
                  .concatMap(method -> routed(exchange, method))
                  .any(Boolean::booleanValue)
                  .flatMap(
                      otherMethod ->
                          otherMethod
                              ? EdgeRefusals.write(
                                  exchange,
                                  HttpStatus.METHOD_NOT_ALLOWED,
                                  InputReason.METHOD_NOT_ALLOWED,
                                  exchange.getRequest().getMethod().name()
                                      + " is not allowed on this path")
                              : EdgeRefusals.write(
                                  exchange,
                                  HttpStatus.NOT_FOUND,
                                  InputReason.NOT_FOUND,
                                  "no resource at " + EdgeRefusals.echo(path)));
            });
  }

  static boolean hasEncodedSeparator(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    return lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\");
  }

  /**
   * Paths the security firewall would refuse with an empty 400 (path parameters, encoded percent or
   * dot, empty or dot segments): none names a resource of ours, and each can make two layers read
   * one path two ways.
   */
  static boolean isAmbiguous(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    return lower.contains(";")
        || lower.contains("%25")
        || lower.contains("%2e")
        || lower.contains("%00")
        || lower.contains("//")
        || lower.contains("/./")
        || lower.contains("/../")
        || lower.endsWith("/.")
        || lower.endsWith("/..");
  }

  /**
   * Whether a route takes the path with {@code method}; leaves the exchange's attributes as were.
   */
  private Mono<Boolean> routed(ServerWebExchange exchange, HttpMethod method) {
    Map<String, Object> attributes = new HashMap<>(exchange.getAttributes());
    ServerWebExchange probe =
        method.equals(exchange.getRequest().getMethod())
            ? exchange
            : exchange.mutate().request(request -> request.method(method)).build();
    ServerRequest request = ServerRequest.create(probe, codecs.getReaders());
    // Matching records the pattern and path variables in the exchange; they are put back before
    // the answer is used, or the real routing would find them and combine the patterns.
    return Flux.fromStream(routers.orderedStream())
        .concatMap(router -> router.route(request))
        .hasElements()
        .map(
            found -> {
              restore(exchange, attributes);
              return found;
            })
        .doOnError(error -> restore(exchange, attributes));
  }

  private static void restore(ServerWebExchange exchange, Map<String, Object> attributes) {
    exchange.getAttributes().clear();
    exchange.getAttributes().putAll(attributes);
  }

  private static boolean acceptable(ServerWebExchange exchange) {
    List<MediaType> accepted;
    try {
      accepted = exchange.getRequest().getHeaders().getAccept();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    return accepted.isEmpty()
        || accepted.stream().anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
  }

  private static Mono<Void> notAcceptable(ServerWebExchange exchange) {
    return EdgeRefusals.write(
        exchange,
        HttpStatus.NOT_ACCEPTABLE,
        InputReason.NOT_ACCEPTABLE,
        "this API answers application/json (and application/problem+json); Accept: "
            + EdgeRefusals.echo(exchange.getRequest().getHeaders().getFirst("Accept")));
  }
}
