#!/usr/bin/env bash
# Prints every query of every Grafana dashboard panel under grafana/dashboards/, one a line:
#
#   <dashboard uid> TAB <panel title> TAB <refId> TAB <PromQL expression>
#
# The expressions use no Grafana variables, so each runs as it is against Prometheus
# (/api/v1/query_range). Recorded series (paystream:*) need the suite's rules loaded, as in
# local/prometheus.yml. Figures that exist only while something happens (rejections, status-query
# outcomes, dead letters of a reason) return data only after a day that caused them; ask over the
# whole day (a range query), not at one instant.
#
#   ./deploy/observability/panel-queries.sh [--expr-only]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v jq >/dev/null || { echo "panel-queries: jq is missing (apt-get install jq)" >&2; exit 2; }

filter='.uid as $uid | .. | objects | select(has("targets") and (.type // "") != "row")
  | .title as $title | .targets[] | select(.expr != null)
  | [$uid, $title, .refId, (.expr | gsub("\\s*\\n\\s*"; " "))] | @tsv'
for dashboard in "$here"/grafana/dashboards/*.json; do
  if [[ "${1:-}" == "--expr-only" ]]; then
    jq -r "$filter" "$dashboard" | cut -f4
  else
    jq -r "$filter" "$dashboard"
  fi
done
