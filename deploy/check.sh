#!/usr/bin/env bash
# Checks that need more than a JDK: the Kubernetes manifests (kubectl's built-in kustomize) and the
# Prometheus rules (promtool), and the live check against a real Prometheus (deploy/live/check.sh:
# starts the local stack from the jars `./mvnw verify` built; a few minutes). Installs what is
# missing with apt-get (kubectl; prometheus, which brings promtool and the server), then runs every
# deploy/*/check.sh in name order, each once. `.ci/run` calls it after `./mvnw verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

need() {
  local tool="$1" package="$2"
  if command -v "$tool" >/dev/null 2>&1; then
    return
  fi
  echo "check: $tool missing; installing the Debian package $package"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null
  command -v "$tool" >/dev/null 2>&1 || { echo "check: $tool still missing after installing $package" >&2; exit 1; }
}

need kubectl kubectl
need promtool prometheus
need jq jq

status=0
for script in deploy/*/check.sh; do
  [ -e "$script" ] || continue
  echo "check: $script"
  if ! bash "$script"; then
    echo "check: $script FAILED" >&2
    status=1
  fi
done
exit $status
