#!/usr/bin/env bash
# Renders the Kubernetes overlays (kubectl's built-in kustomize, offline) and checks the renderings:
# every Deployment and StatefulSet has both probes, requests and limits, runs non-root on a
# read-only root filesystem with no capabilities and has a PodDisruptionBudget; every catalogue
# topic has its KafkaTopic with the catalogue's settings; each KafkaUser may write only the topics
# the catalogue names it a writer of; no secret value appears. The checks are a JUnit test of the
# schemas module (RenderedManifestsTest), which has the catalogue and a YAML reader on its class
# path; Maven runs it. deploy/check.sh calls this script; it also runs on its own.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v kubectl >/dev/null 2>&1 || { echo "kubernetes: kubectl missing (deploy/check.sh installs it)" >&2; exit 1; }

out="$PWD/target/kubernetes"
mkdir -p "$out"
rendered=()
for overlay in deploy/kubernetes/overlays/*/; do
  name="$(basename "$overlay")"
  kubectl kustomize "$overlay" > "$out/$name.yaml"
  echo "kubernetes: rendered $overlay ($(grep -c '^kind:' "$out/$name.yaml") resources)"
  rendered+=("$out/$name.yaml")
done

files="$(IFS=,; echo "${rendered[*]}")"
# -am: the schemas module's test class path (testkit) comes from this checkout, not ~/.m2.
./mvnw -q -B ${PAYSTREAM_MAVEN_OFFLINE:+-o} -pl schemas -am test \
  -Dtest=RenderedManifestsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpaystream.kubernetes.rendered="$files"
report=schemas/target/surefire-reports/com.paystream.schemas.kubernetes.RenderedManifestsTest.txt
# A test that skipped (no rendering reached it) must not pass for a check.
grep -q 'Failures: 0, Errors: 0, Skipped: 0' "$report" || { cat "$report" >&2; exit 1; }
echo "kubernetes: the renderings pass ($report)"
