#!/usr/bin/env sh
# Freezes the current schema of a subject as its next version (see README.md).
# Usage: schemas/freeze.sh <subject> [<id>]     e.g. schemas/freeze.sh payments.callbacks.v1-value
set -eu
cd "$(dirname "$0")/.."
./mvnw -o -q -pl schemas compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.includeScope=runtime -Dmdep.outputFile=target/freeze.classpath
exec java -cp "schemas/target/classes:$(cat schemas/target/freeze.classpath)" \
  com.paystream.schemas.evolution.SchemaFreezer schemas/src/main/resources/registry "$@"
