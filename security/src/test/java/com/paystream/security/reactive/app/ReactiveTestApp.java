package com.paystream.security.reactive.app;

import com.paystream.security.AccessRules;
import com.paystream.security.Actor;
import com.paystream.security.ReactiveRefusalAudit;
import com.paystream.security.RefusalAudit.Refusal;
import com.paystream.security.Role;
import com.paystream.security.reactive.ReactiveActors;
import com.paystream.security.reactive.ReactiveSecurity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** A reactive service as the gateway is: functional routes, its rules, its refusal audit. */
@SpringBootApplication
@Import(ReactiveSecurity.class)
public class ReactiveTestApp {

  /** The rules of this application; tests compare the route inventory against them. */
  public static AccessRules rules() {
    return AccessRules.builder()
        .open(HttpMethod.POST, "/v1/hooks/{provider}")
        .allow(HttpMethod.GET, "/v1/things/{id}", Role.AUDITOR, Role.OPERATOR, Role.MERCHANT)
        .allow(HttpMethod.POST, "/v1/things", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/admin/keys", Role.ADMIN)
        .build();
  }

  @Bean
  AccessRules accessRules() {
    return rules();
  }

  @Bean
  RecordedRefusals recordedRefusals() {
    return new RecordedRefusals();
  }

  @Bean
  RouterFunction<ServerResponse> thingRoutes() {
    return RouterFunctions.route()
        .GET("/v1/things/{id}", request -> describe(request.pathVariable("id"), HttpStatus.OK))
        .POST("/v1/things", request -> describe("new", HttpStatus.CREATED))
        .POST(
            "/v1/hooks/{provider}",
            request ->
                ServerResponse.ok().bodyValue(Map.of("received", request.pathVariable("provider"))))
        .path("/v1/admin", admin -> admin.GET("/keys", request -> describe("keys", HttpStatus.OK)))
        .build();
  }

  private static Mono<ServerResponse> describe(String thing, HttpStatus status) {
    return ReactiveActors.current()
        .flatMap(actor -> ServerResponse.status(status).bodyValue(describe(actor, thing)));
  }

  private static Map<String, String> describe(Actor actor, String thing) {
    return Map.of(
        "thing", thing,
        "name", actor.name(),
        "role", actor.role().name(),
        "merchant", actor.merchantId().orElse(""),
        "credential", actor.credential());
  }

  /** Keeps every refusal it is told of, in order. */
  public static final class RecordedRefusals implements ReactiveRefusalAudit {

    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public Mono<Void> refused(Refusal refusal) {
      if (failing) {
        return Mono.error(new IllegalStateException("audit store unavailable"));
      }
      return Mono.fromRunnable(() -> refusals.add(refusal));
    }

    /** Makes every later record fail, as a broken audit store would. */
    public void failing(boolean failing) {
      this.failing = failing;
    }

    public List<Refusal> all() {
      return List.copyOf(refusals);
    }

    public void clear() {
      refusals.clear();
      failing = false;
    }
  }
}
