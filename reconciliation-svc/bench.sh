#!/usr/bin/env bash
# The matching benchmark: N cashflow lines and N statement lines through the matching topology,
# beside a plain consume-and-produce of the same records on the same broker, in one run.
#
#   reconciliation-svc/bench.sh [pairs] [stream-threads] [bootstrap-servers]
#
# Without bootstrap servers it starts the test kit's KRaft broker. Prints both rates, the ratio,
# and ends with one line of JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
pairs="${1:-100000}"
threads="${2:-1}"
bootstrap="${3:-}"
./mvnw -q -pl reconciliation-svc test-compile
./mvnw -q -pl reconciliation-svc dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="reconciliation-svc/target/test-classes:reconciliation-svc/target/classes:$(cat reconciliation-svc/target/bench.classpath)"
exec java -Xmx2g ${JAVA_OPTS:-} -cp "$cp" \
  -Dlogback.configurationFile=reconciliation-svc/src/test/resources/logback-bench.xml \
  ${BENCH_OPTS:-} -Dbench.pairs="$pairs" -Dbench.threads="$threads" -Dbench.bootstrap="$bootstrap" \
  com.paystream.recon.bench.MatchingBenchmark
