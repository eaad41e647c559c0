package com.paystream.local.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether one webhook can be followed across the services by its trace id: a {@code trace_id} taken
 * from a JSON log line of the gateway about a webhook must appear as the {@code trace_id} of some
 * JSON line in every other service's log.
 */
final class TraceAcrossLogs {

  static final String TRACE_ID = "trace_id";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * What was found.
   *
   * @param traceId the gateway's trace id that went furthest; empty when no webhook line of the
   *     gateway carried one
   * @param candidates how many distinct trace ids the gateway's webhook lines carried
   * @param missingIn the services whose logs lack that trace id (empty: followed everywhere)
   */
  record Outcome(Optional<String> traceId, int candidates, List<String> missingIn) {

    boolean passed() {
      return traceId.isPresent() && missingIn.isEmpty();
    }

    String describe(List<String> services) {
      if (traceId.isEmpty()) {
        return "no JSON line of the gateway's log about a webhook carries a \""
            + TRACE_ID
            + "\" field";
      }
      if (missingIn.isEmpty()) {
        return "trace "
            + traceId.get()
            + " from a gateway webhook line is in "
            + String.join(", ", services);
      }
      return "of "
          + candidates
          + " trace ids on the gateway's webhook lines, the one followed furthest ("
          + traceId.get()
          + ") is missing in "
          + String.join(", ", missingIn);
    }
  }

  private TraceAcrossLogs() {}

  /** The {@code trace_id} of a JSON log line, empty for anything else (plain text, no field). */
  static Optional<String> traceId(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(trimmed);
      String id = node.path(TRACE_ID).asString("");
      return id.isBlank() ? Optional.empty() : Optional.of(id);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** The trace ids of the gateway's JSON lines that mention a webhook, in order of appearance. */
  static Set<String> webhookTraceIds(List<String> gatewayLines) {
    Set<String> ids = new LinkedHashSet<>();
    for (String line : gatewayLines) {
      if (line.toLowerCase(Locale.ROOT).contains("webhook")) {
        traceId(line).ifPresent(ids::add);
      }
    }
    return ids;
  }

  /** Every trace id on a JSON line of {@code lines}. */
  static Set<String> traceIds(List<String> lines) {
    Set<String> ids = new LinkedHashSet<>();
    lines.forEach(line -> traceId(line).ifPresent(ids::add));
    return ids;
  }

  /**
   * @param others the log lines of each other service, by service name
   */
  static Outcome check(List<String> gatewayLines, Map<String, List<String>> others) {
    Set<String> candidates = webhookTraceIds(gatewayLines);
    if (candidates.isEmpty()) {
      return new Outcome(Optional.empty(), 0, List.copyOf(others.keySet()));
    }
    Map<String, Set<String>> idsByService = new LinkedHashMap<>();
    others.forEach((service, lines) -> idsByService.put(service, traceIds(lines)));
    String best = null;
    List<String> bestMissing = null;
    for (String candidate : candidates) {
      List<String> missing = new ArrayList<>();
      idsByService.forEach(
          (service, ids) -> {
            if (!ids.contains(candidate)) {
              missing.add(service);
            }
          });
      if (bestMissing == null || missing.size() < bestMissing.size()) {
        best = candidate;
        bestMissing = missing;
      }
      if (missing.isEmpty()) {
        break;
      }
    }
    return new Outcome(Optional.of(best), candidates.size(), List.copyOf(bestMissing));
  }
}
