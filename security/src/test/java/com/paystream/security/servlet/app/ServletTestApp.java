package com.paystream.security.servlet.app;

import com.paystream.security.AccessRules;
import com.paystream.security.RefusalAudit;
import com.paystream.security.Role;
import com.paystream.security.servlet.Actors;
import com.paystream.security.servlet.ServletSecurity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** A servlet service as the suite's services are: its rules, its refusal audit, one controller. */
@SpringBootApplication
@Import(ServletSecurity.class)
public class ServletTestApp {

  /** The rules of this application; tests compare the route inventory against them. */
  public static AccessRules rules() {
    return AccessRules.builder()
        .open(HttpMethod.POST, "/v1/hooks/{provider}")
        .allow(HttpMethod.GET, "/v1/things/{id}", Role.AUDITOR, Role.OPERATOR, Role.MERCHANT)
        .allow(HttpMethod.POST, "/v1/things", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/fn/things/{id}", Role.AUDITOR)
        .allow(HttpMethod.POST, "/v1/things/{id}/notes", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/notes", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/notes/search", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/notes/broken", Role.OPERATOR)
        // Allowed but never mapped: what Spring MVC answers 405 (PUT) and 404 (a missing page).
        .allow(HttpMethod.PUT, "/v1/things/{id}/notes", Role.OPERATOR)
        .allow(HttpMethod.GET, "/v1/pages/{page}", Role.OPERATOR)
        .build();
  }

  @Bean
  AccessRules accessRules() {
    return rules();
  }

  /** A functional route, as a service may map some of its endpoints. */
  @Bean
  RouterFunction<ServerResponse> functionalThings() {
    return RouterFunctions.route()
        .GET(
            "/v1/fn/things/{id}",
            request ->
                ServerResponse.ok()
                    .body(
                        Map.of(
                            "thing", request.pathVariable("id"),
                            "name", Actors.current().name())))
        .build();
  }

  @Bean
  RecordedRefusals recordedRefusals() {
    return new RecordedRefusals();
  }

  /** Keeps every refusal it is told of, in order. */
  public static final class RecordedRefusals implements RefusalAudit {

    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public void refused(Refusal refusal) {
      if (failing) {
        throw new IllegalStateException("audit store unavailable");
      }
      refusals.add(refusal);
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
