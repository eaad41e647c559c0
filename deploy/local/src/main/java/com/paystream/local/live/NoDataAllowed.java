package com.paystream.local.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The panel queries that may return nothing after a short day, each with the reason, from the
 * committed file {@code deploy/observability/local/live-check-no-data.txt}: one line per query,
 * {@code <dashboard uid> | <panel title> | <refId> | <reason>}; {@code #} starts a comment.
 */
final class NoDataAllowed {

  private final Map<String, String> reasons;

  private NoDataAllowed(Map<String, String> reasons) {
    this.reasons = Map.copyOf(reasons);
  }

  static final NoDataAllowed NONE = new NoDataAllowed(Map.of());

  /**
   * @throws IllegalArgumentException on a line that is not four fields or has no reason: an entry
   *     without its why is what the file must never hold
   */
  static NoDataAllowed parse(String text) {
    Map<String, String> reasons = new LinkedHashMap<>();
    int number = 0;
    for (String line : text.lines().toList()) {
      number++;
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      String[] fields = content.split("\\s*\\|\\s*", 4);
      if (fields.length != 4 || fields[3].isBlank()) {
        throw new IllegalArgumentException(
            "line "
                + number
                + ": expected '<dashboard uid> | <panel title> | <refId> | <reason>', got '"
                + content
                + "'");
      }
      reasons.put(fields[0] + " | " + fields[1] + " | " + fields[2], fields[3].strip());
    }
    return new NoDataAllowed(reasons);
  }

  Optional<String> reason(PanelQuery query) {
    return Optional.ofNullable(reasons.get(query.key()));
  }

  /** Entries naming no query of the dashboards: a renamed panel leaves them behind. */
  java.util.Set<String> unknown(java.util.Collection<PanelQuery> queries) {
    java.util.Set<String> left = new java.util.TreeSet<>(reasons.keySet());
    queries.forEach(query -> left.remove(query.key()));
    return left;
  }
}
