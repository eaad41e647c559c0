package com.paystream.local.live;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One query of one Grafana panel, as {@code deploy/observability/panel-queries.sh} lists them.
 *
 * @param dashboard the dashboard's uid
 * @param panel the panel's title
 * @param refId the query's letter within the panel
 * @param expr the PromQL expression, Grafana variables still in it
 */
public record PanelQuery(String dashboard, String panel, String refId, String expr) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How the allow-list and the report name it. */
  public String key() {
    return dashboard + " | " + panel + " | " + refId;
  }

  /** Every query of every panel (rows excluded, nested panels included) of one dashboard. */
  public static List<PanelQuery> of(String dashboardJson) {
    JsonNode dashboard = JSON.readTree(dashboardJson);
    String uid = dashboard.path("uid").asString("");
    List<PanelQuery> queries = new ArrayList<>();
    collect(dashboard, uid, queries);
    return queries;
  }

  private static void collect(JsonNode node, String uid, List<PanelQuery> into) {
    if (node.isObject()) {
      if (node.has("targets") && !"row".equals(node.path("type").asString(""))) {
        for (JsonNode target : node.path("targets")) {
          String expr = target.path("expr").asString("");
          if (!expr.isBlank()) {
            into.add(
                new PanelQuery(
                    uid,
                    node.path("title").asString(""),
                    target.path("refId").asString(""),
                    expr.replaceAll("\\s*\\n\\s*", " ")));
          }
        }
      }
      for (JsonNode child : node) {
        collect(child, uid, into);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        collect(child, uid, into);
      }
    }
  }
}
