package com.paystream.relay.operator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A bulk redrive's filter as the approval request keeps it (JSON), and in words for the audit. */
final class FilterPayload {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FilterPayload() {}

  static String encode(MessageFilter filter) {
    Map<String, Object> fields = new TreeMap<>();
    fields.put("states", filter.states().stream().map(Enum::name).sorted().toList());
    if (filter.provider() != null) {
      fields.put("provider", filter.provider());
    }
    if (filter.paymentId() != null) {
      fields.put("paymentId", filter.paymentId());
    }
    if (filter.olderThan() != null) {
      fields.put("olderThan", filter.olderThan().toString());
    }
    return JSON.writeValueAsString(fields);
  }

  static MessageFilter decode(String payload) {
    JsonNode node = JSON.readTree(payload);
    EnumSet<MessageState> states = EnumSet.noneOf(MessageState.class);
    node.get("states").forEach(s -> states.add(MessageState.valueOf(s.asString())));
    return new MessageFilter(
        states,
        text(node, "provider"),
        text(node, "paymentId"),
        node.has("olderThan") ? Duration.parse(node.get("olderThan").asString()) : null);
  }

  static String describe(MessageFilter filter) {
    StringBuilder out =
        new StringBuilder("status=")
            .append(String.join(",", filter.states().stream().map(Enum::name).sorted().toList()));
    for (var part :
        List.of(
            List.of("provider", String.valueOf(filter.provider())),
            List.of("paymentId", String.valueOf(filter.paymentId())),
            List.of(
                "olderThan",
                filter.olderThan() == null ? "null" : filter.olderThan().toString()))) {
      if (!part.get(1).equals("null")) {
        out.append('&').append(part.get(0)).append('=').append(part.get(1));
      }
    }
    return out.length() > 180 ? out.substring(0, 180) : out.toString();
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) && !node.get(field).isNull() ? node.get(field).asString() : null;
  }
}
