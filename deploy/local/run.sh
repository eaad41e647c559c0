#!/usr/bin/env bash
# Starts the paystream local stack (Kafka, PostgreSQL and the four services as separate processes)
# from empty, runs a day of payments against it and prints the day's summary; the stack stays up
# until Ctrl-C.
#
#   ./deploy/local/run.sh [--no-build] [--payments N] [--seed S] [--drop R] [--duplicate R]
#                         [--delay R] [--exit] [--no-scenario] [--fresh] [--data-dir DIR]
#                         [--ready-timeout SECONDS] [--prometheus] [--live-check]
#   ./deploy/local/run.sh --verify-journal
#   ./deploy/local/run.sh backups
#   ./deploy/local/run.sh restore (--to INSTANT [--from-delayed-standby] | --from-standby)
#
#   --no-build      skip the Maven build (use the jars already in */target)
#   --exit          stop the stack after the day's summary (exit status 0 when the day passed)
#   --no-scenario   start the stack alone and keep its data across runs
#   --verify-journal  verify the journal of the stack already running (started elsewhere with
#                   --no-scenario, or kept up after a day): starts, stops and builds nothing;
#                   exit status 0 valid, 1 broken, 2 could not run
#   backups         list the base backups and the instants each can restore to (builds nothing)
#   restore         with the stack stopped: restore the databases (see docs/runbooks/restore.md)
#                   into a new data directory and start the stack on it
#   --no-replicas   PostgreSQL alone: no standbys, no WAL archive, no backups
#   --prometheus    also start Prometheus (apt-get install prometheus) on 127.0.0.1:9090
#   --live-check    with Prometheus: a short day, then the live check (deploy/live/check.sh), then stop
#   --help          every option
#
# Ctrl-C stops everything: the services, then Kafka, then PostgreSQL.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

build=1
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    # Never rebuild the jars a running stack is using.
    --verify-journal) build=0; args+=("$arg") ;;
    # Listing the backups reads files only.
    backups) build=0; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if [[ $build -eq 1 ]]; then
  echo "Building the suite (./mvnw -q -DskipTests install); --no-build skips this." >&2
  ./mvnw -q -DskipTests install
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -jar deploy/local/target/local-stack-0.1.0-SNAPSHOT-launcher.jar ${args[@]+"${args[@]}"}
