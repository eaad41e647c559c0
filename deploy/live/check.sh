#!/usr/bin/env bash
# The live check: starts the local stack (one node, PostgreSQL without standbys) with a real
# Prometheus scraping every service (deploy/observability/local/prometheus.yml, fast thresholds),
# runs a short day of payments, then, on the same stack:
#
#   a. every query of every Grafana panel returns data over the run
#      (except those deploy/observability/local/live-check-no-data.txt allows, with a reason);
#   b. the ledger frozen (SIGSTOP) while signed callbacks keep coming: CallbackUnconfirmedTooLong
#      (or ConsumerLagHigh) fires, TrialBalanceImbalance is never pending or firing;
#   c. further checks (com.paystream.local.live.LiveCheck.FURTHER): no secret the launcher passed
#      is in any log; one trace_id of a gateway webhook line is in the relay's, the ledger's and
#      reconciliation's logs.
#
# Then it stops everything; exit status 0 when every check passed. Takes about 3 to 5 minutes on
# two cores. deploy/check.sh runs it (as every deploy/*/check.sh), after `./mvnw verify` in CI.
#
#   ./deploy/live/check.sh [--payments N] [--seed S]     # other options go to the launcher
#
# Needs prometheus on the PATH (apt-get install prometheus) and the ports of the local stack free
# (8080-8083, 8090, 9090, 15432, 19092). Builds nothing when the jars are there (otherwise
# `./mvnw -DskipTests package`, never install). Data and logs: deploy/local/target/live-check-data
# (LIVE_CHECK_DATA_DIR), kept after the run for a look at the logs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

command -v prometheus >/dev/null || { echo "live: prometheus missing (apt-get install prometheus)" >&2; exit 1; }

version=0.1.0-SNAPSHOT
launcher="deploy/local/target/local-stack-$version-launcher.jar"
jars=("$launcher")
for service in payment-gateway-svc callback-relay-svc ledger-svc reconciliation-svc; do
  jars+=("$service/target/$service-$version-exec.jar")
done
missing=0
for jar in "${jars[@]}"; do
  [ -f "$jar" ] || missing=1
done
if [ "$missing" -eq 1 ]; then
  echo "live: jars missing; building them (./mvnw -q -DskipTests package)"
  ./mvnw -q -DskipTests package
fi

data="${LIVE_CHECK_DATA_DIR:-deploy/local/target/live-check-data}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
start=$(date +%s)
status=0
# The launcher stops the whole stack on SIGTERM: timeout is the last resort if something hangs.
timeout --signal=TERM --kill-after=120 900 \
  "$java" -jar "$launcher" --live-check --no-replicas --data-dir "$data" "$@" || status=$?
echo "live: the live check took $(( $(date +%s) - start )) s (exit status $status; logs in $data/logs)"
exit $status
