package com.paystream.security.servlet.app;

import com.paystream.platform.input.InputPolicy;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that take input, bound the way the services bind theirs: through the input policy. */
@RestController
class NoteController {

  private final InputPolicy policy;

  NoteController(InputPolicy policy) {
    this.policy = policy;
  }

  record Note(String text, long count) {}

  @PostMapping(
      path = "/v1/things/{id}/notes",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> note(@PathVariable String id, @RequestBody Note note) {
    return Map.of(
        "thing", policy.identifier("id", id),
        "text", policy.text("text", note.text()),
        "count", note.count());
  }

  @GetMapping(path = "/v1/notes", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> notes(
      @RequestParam(name = "olderThan", defaultValue = "P1D") String olderThan,
      @RequestParam(name = "limit", defaultValue = "10") int limit) {
    Duration age = policy.duration("olderThan", olderThan);
    return Map.of("olderThan", age.toString(), "limit", policy.pageSize("limit", limit));
  }

  @GetMapping(path = "/v1/notes/search", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> search(@RequestParam(name = "q") String query) {
    return Map.of("q", policy.text("q", query));
  }

  /** A fault of the service itself, as a bug would raise it. */
  @GetMapping(path = "/v1/notes/broken", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> broken() {
    throw new IllegalStateException("internal detail that must not leave the service");
  }
}
