#!/usr/bin/env bash
# Starts the paystream local stack: Kafka, PostgreSQL and the four services as separate processes.
#
#   ./deploy/local/run.sh [--no-build] [--fresh] [--data-dir DIR] [--ready-timeout SECONDS]
#
#   --no-build      skip the Maven build (use the jars already in */target)
#   --fresh         start with empty Kafka and PostgreSQL data (deletes deploy/local/data)
#   --data-dir DIR  keep data, databases and logs in DIR instead of deploy/local/data
#   --ready-timeout SECONDS  how long the services may take to become ready (default 120)
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
    *) args+=("$arg") ;;
  esac
done

if [[ $build -eq 1 ]]; then
  echo "Building the suite (./mvnw -q -DskipTests install); --no-build skips this." >&2
  ./mvnw -q -DskipTests install
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -jar deploy/local/target/local-stack-0.1.0-SNAPSHOT-launcher.jar ${args[@]+"${args[@]}"}
