#!/usr/bin/env bash
# Static checks of the suite's Prometheus rules, their tests, runbooks, the generated
# PrometheusRule and the Grafana dashboards. deploy/check.sh runs it (after installing promtool).
#
#   1. promtool check rules on every rule file; promtool test rules on every *test*.yml
#   2. every alert has a summary, a description and a runbook_url naming an existing
#      docs/runbooks/<file>.md whose title names the alert
#   3. every alert has a test in which it fires and one in which it stays silent
#   4. every threshold an alert reads is defined, with the same records in the production and the
#      fast (live check) thresholds
#   5. kubernetes/prometheusrule.yaml is what generate-prometheusrule.sh writes, and its rules
#      pass promtool
#   6. every metric the rules and dashboards name is exported by a service (metrics/exported.txt)
#      or listed as still to be exported (metrics/assumed.txt); every recorded series they read
#      is recorded
#   7. the dashboards are valid JSON, every panel has a query, ids are unique per dashboard
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

failures=0
fail() { echo "observability: $*" >&2; failures=$((failures + 1)); }

command -v promtool >/dev/null || { echo "observability: promtool missing (apt-get install prometheus)" >&2; exit 1; }
if ! command -v jq >/dev/null; then
  echo "observability: jq missing; installing the Debian package jq"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq jq >/dev/null
fi

rule_files=(prometheus/thresholds.yml prometheus/recording.yml prometheus/alerts.yml)
test_files=(prometheus/*test*.yml)
alert_files=(prometheus/alerts.yml)

# --- 1. promtool ----------------------------------------------------------------------------------
for file in prometheus/*.yml local/thresholds-fast.yml; do
  case "$file" in *test*) continue ;; esac
  promtool check rules "$file" >/dev/null || fail "promtool check rules $file"
done
promtool check config local/prometheus.yml >/dev/null || fail "promtool check config local/prometheus.yml"
for file in "${test_files[@]}"; do
  (cd "$(dirname "$file")" && promtool test rules "$(basename "$file")") >/dev/null \
    || fail "promtool test rules $file (run it for the details)"
done

# Alert names, and per alert "name<TAB>key<TAB>value" for its annotations.
alerts=$(awk '/^ *- alert: / { print $3 }' "${alert_files[@]}" | sort -u)
annotations=$(awk '
  /^ *- (alert|record): / { alert = ($2 == "alert:") ? $3 : "" }
  alert != "" && /^ *(summary|description|runbook_url): / {
    key = $1; sub(/:$/, "", key); value = $0; sub(/^ *[a-z_]+: */, "", value); print alert "\t" key "\t" value
  }' "${alert_files[@]}")

# --- 2. annotations and runbooks ------------------------------------------------------------------
for alert in $alerts; do
  for key in summary description runbook_url; do
    grep -q "^$alert	$key	" <<<"$annotations" || fail "alert $alert has no $key"
  done
  grep "^$alert	runbook_url	" <<<"$annotations" | cut -f3 | sort -u | while read -r url; do
    path="${url#\"}"; path="${path%\"}"
    case "$path" in
      docs/runbooks/*.md) ;;
      *) echo "observability: alert $alert: runbook_url $path is not docs/runbooks/<file>.md" >&2; exit 1 ;;
    esac
    [ -f "$root/$path" ] || { echo "observability: alert $alert: runbook $path does not exist" >&2; exit 1; }
    head -1 "$root/$path" | grep -q "$alert" \
      || { echo "observability: alert $alert: the title of $path does not name it" >&2; exit 1; }
  done || failures=$((failures + 1))
done

# --- 3. every alert fires in a test and stays silent in one ---------------------------------------
# "alertname<TAB>fires|silent" for every alert_rule_test entry.
cases=$(awk '
  /^ *alertname: / { name = $2; next }
  name != "" && /^ *exp_alerts: *\[\] *$/ { print name "\tsilent"; name = ""; next }
  name != "" && /^ *exp_alerts: *$/ { print name "\tfires"; name = ""; next }' "${test_files[@]}" | sort -u)
for alert in $alerts; do
  grep -q "^$alert	fires$" <<<"$cases" || fail "alert $alert has no test in which it fires"
  grep -q "^$alert	silent$" <<<"$cases" || fail "alert $alert has no test in which it stays silent"
done
for tested in $(cut -f1 <<<"$cases" | sort -u); do
  grep -qx "$tested" <<<"$alerts" || fail "a test names alert $tested, which no rule defines"
done

# --- 4. thresholds --------------------------------------------------------------------------------
records_of() { awk '/^ *- record: / { print $3 }' "$@" | sort -u; }
used_thresholds=$(grep -oh 'paystream:threshold:[a-z0-9_]*' prometheus/alerts.yml | sort -u)
for threshold in $used_thresholds; do
  grep -qx "$threshold" <(records_of prometheus/thresholds.yml) || fail "alerts read $threshold, which thresholds.yml does not record"
done
diff <(awk '/^ *- record: |^ *currency: / { print $NF }' prometheus/thresholds.yml) \
  <(awk '/^ *- record: |^ *currency: / { print $NF }' local/thresholds-fast.yml) >/dev/null \
  || fail "local/thresholds-fast.yml does not record the same thresholds as prometheus/thresholds.yml"

# --- 5. the generated PrometheusRule --------------------------------------------------------------
./generate-prometheusrule.sh --check || fail "kubernetes/prometheusrule.yaml is out of date"
spec=$(mktemp --suffix=.yml)
trap 'rm -f "$spec"' EXIT
awk 'seen { sub(/^  /, ""); print } /^  groups:/ { seen = 1; print "groups:" }' kubernetes/prometheusrule.yaml > "$spec"
promtool check rules "$spec" >/dev/null || fail "the rules of kubernetes/prometheusrule.yaml do not pass promtool"

# --- 6. metric names ------------------------------------------------------------------------------
known=$(grep -hv '^#' metrics/exported.txt metrics/assumed.txt | awk 'NF { print $1 }' | sort -u)
recorded=$(records_of "${rule_files[@]}")
queries=$( (grep -h 'expr:' "${rule_files[@]}"; awk '/expr: [|>]/ { block = 1; next } block && /^ *- / { block = 0 } block' "${rule_files[@]}"; ./panel-queries.sh --expr-only) )
# Metric names of the suite and of the libraries the dashboards read, by prefix.
for name in $(grep -oE '(^|[^:a-zA-Z0-9_])((paystream|relay|ledger|recon|kafka|jvm|hikaricp|process|http_server)_[a-z0-9_]+|up\{)' <<<"$queries" \
  | sed -E 's/^[^a-z]//; s/\{$//' | sort -u); do
  grep -qx "$name" <<<"$known" || fail "metric $name is neither in metrics/exported.txt nor in metrics/assumed.txt"
done
for name in $(grep -oE '\bpaystream:[a-z0-9_:]+' <<<"$queries" | sort -u); do
  grep -qx "$name" <<<"$recorded" || fail "$name is read but no rule records it"
done

# --- 7. dashboards --------------------------------------------------------------------------------
for dashboard in grafana/dashboards/*.json; do
  jq -e . "$dashboard" >/dev/null || { fail "$dashboard is not valid JSON"; continue; }
  jq -e '[.. | objects | select(has("gridPos") and .type != "row") | select((.targets // []) | map(.expr // "") | map(select(. != "")) | length == 0)] | length == 0' \
    "$dashboard" >/dev/null || fail "$dashboard has a panel without a query"
  jq -e '[.. | objects | select(has("gridPos")) | .id] | (length == (unique | length))' "$dashboard" >/dev/null \
    || fail "$dashboard has duplicate panel ids"
  jq -e '.uid | test("^paystream-")' "$dashboard" >/dev/null || fail "$dashboard: uid does not start with paystream-"
done

if [ "$failures" -gt 0 ]; then
  echo "observability: $failures check(s) failed" >&2
  exit 1
fi
echo "observability: $(wc -w <<<"$alerts") alerts with runbooks and tests, $(wc -l <<<"$recorded") records, $(./panel-queries.sh | wc -l) panel queries: OK"
