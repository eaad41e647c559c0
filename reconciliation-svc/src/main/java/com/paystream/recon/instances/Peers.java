package com.paystream.recon.instances;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks other instances for their part of a query over HTTP: one GET per instance, all at once, each
 * within {@code timeout}. Only a 200 with a readable body is a part; anything else (no answer in
 * time, a refused connection, a 503 of an instance that is rebalancing itself, a 401/403 because
 * the instances do not share their principals) makes the whole unavailable. It also passes a
 * state-changing request on to the one instance that holds what it changes ({@link #forward}).
 */
public final class Peers {

  private static final Logger log = LoggerFactory.getLogger(Peers.class);

  private final HttpClient http;
  private final JsonMapper json;
  private final Duration timeout;

  public Peers(JsonMapper json, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.json = json;
    this.timeout = timeout;
  }

  /**
   * The parts of {@code hosts}, concatenated in the order of {@code hosts}.
   *
   * @throws InstancesUnavailableException when any of them does not give its part
   */
  public <T> List<T> ask(List<String> hosts, PeerRequest request, TypeReference<List<T>> type) {
    List<T> parts = new ArrayList<>();
    askEach(hosts, request, type).values().forEach(parts::addAll);
    return parts;
  }

  /**
   * The part of each of {@code hosts}, by host, in the order of {@code hosts}.
   *
   * @throws InstancesUnavailableException when any of them does not give its part
   */
  public <T> Map<String, List<T>> askEach(
      List<String> hosts, PeerRequest request, TypeReference<List<T>> type) {
    Map<String, CompletableFuture<HttpResponse<String>>> pending = new LinkedHashMap<>();
    for (String host : hosts) {
      pending.put(host, http.sendAsync(get(host, request), HttpResponse.BodyHandlers.ofString()));
    }
    Map<String, List<T>> parts = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> answer : pending.entrySet()) {
        parts.put(
            answer.getKey(),
            part(answer.getKey(), await(answer.getKey(), answer.getValue()), type));
      }
    } finally {
      pending.values().forEach(future -> future.cancel(true));
    }
    return parts;
  }

  /**
   * Sends {@code call} to {@code host} and gives back whatever it answered, refusals and problems
   * included: the holder's answer is the caller's.
   *
   * @throws InstancesUnavailableException when {@code host} does not answer in time (whether it
   *     carried the act out is then unknown; a retry meets its outcome: already resolved, already
   *     decided)
   */
  public Forwarded forward(String host, Forward call) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + host + call.pathAndQuery()))
            .timeout(timeout)
            .header("Accept", "application/json, application/problem+json")
            .method(call.method(), body(call));
    if (call.body() != null) {
      request.header("Content-Type", "application/json");
    }
    call.headers().forEach(request::header);
    HttpResponse<byte[]> answer =
        await(
            host,
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()),
            "the reconciliation instance holding it did not answer in time");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : Forwarded.PASSED_BACK) {
      answer.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
    }
    log.info("Forwarded {} to {}: HTTP {}", call, host, answer.statusCode());
    return new Forwarded(answer.statusCode(), headers, answer.body());
  }

  private HttpRequest.BodyPublisher body(Forward call) {
    return call.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(call.body()));
  }

  private HttpRequest get(String host, PeerRequest request) {
    HttpRequest.Builder get =
        HttpRequest.newBuilder(URI.create("http://" + host + request.pathAndQuery()))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET();
    request.authorization().ifPresent(value -> get.header(PeerRequest.AUTHORIZATION, value));
    request.requestId().ifPresent(value -> get.header(PeerRequest.REQUEST_ID, value));
    return get.build();
  }

  private HttpResponse<String> await(String host, CompletableFuture<HttpResponse<String>> answer) {
    return await(host, answer, "another reconciliation instance did not answer in time");
  }

  private <B> HttpResponse<B> await(
      String host, CompletableFuture<HttpResponse<B>> answer, String unavailable) {
    try {
      // The request's own timeout ends a silent instance; this bound only guards a body that
      // trickles in after the headers.
      return answer.get(timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InstancesUnavailableException("interrupted while asking the other instances", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      log.warn("Instance {} did not answer: {}", host, cause.toString());
      throw new InstancesUnavailableException(unavailable, cause);
    }
  }

  private <T> List<T> part(String host, HttpResponse<String> answer, TypeReference<List<T>> type) {
    if (answer.statusCode() != 200) {
      log.warn("Instance {} refused its part: HTTP {}", host, answer.statusCode());
      throw new InstancesUnavailableException(
          "another reconciliation instance answered HTTP " + answer.statusCode());
    }
    try {
      return json.readValue(answer.body(), type);
    } catch (JacksonException e) {
      log.warn("Instance {} answered a part that cannot be read: {}", host, e.getOriginalMessage());
      throw new InstancesUnavailableException(
          "another reconciliation instance answered a part that cannot be read", e);
    }
  }
}
