package com.paystream.security.servlet.app;

import com.paystream.security.Actor;
import com.paystream.security.servlet.Actors;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Answers with the actor the handler sees, so tests can check who the request was. */
@RestController
class ThingController {

  @GetMapping("/v1/things/{id}")
  Map<String, String> thing(@PathVariable String id) {
    return describe(Actors.current(), id);
  }

  @PostMapping("/v1/things")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> create() {
    return describe(Actors.current(), "new");
  }

  @PostMapping("/v1/hooks/{provider}")
  Map<String, String> hook(@PathVariable String provider) {
    return Map.of("received", provider);
  }

  private static Map<String, String> describe(Actor actor, String thing) {
    return Map.of(
        "thing", thing,
        "name", actor.name(),
        "role", actor.role().name(),
        "merchant", actor.merchantId().orElse(""),
        "credential", actor.credential());
  }
}
