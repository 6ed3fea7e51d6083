#!/usr/bin/env bash
# Regenerates deploy-tests/src/test/resources/schemas/{kubernetes,keda}.json from pinned npm
# packages (needs node and npm; nothing is installed globally):
#   kubernetes-models 4.3.1             the Kubernetes 1.27.1 OpenAPI definitions as JSON schemas
#   @kubernetes-models/apimachinery     ObjectMeta, LabelSelector, Quantity, IntOrString, ...
#   @kubernetes-models/keda 0.3.2       the CRD schemas of the KEDA 2.10.1 release
# (Later versions of these packages ship compiled validators instead of schemas.)
# The Strimzi schemas are not here: deploy-tests generates them at build time from io.strimzi:api
# with Strimzi's own CRD generator (see deploy-tests/pom.xml).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/test/resources/schemas"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

modules="$work/node_modules"
unpack() { # package@version directory
  (cd "$work" && npm pack --silent "$1" >/dev/null)
  mkdir -p "$modules/$2"
  tar xzf "$work"/*.tgz -C "$modules/$2" --strip-components=1
  rm "$work"/*.tgz
}
unpack kubernetes-models@4.3.1 kubernetes-models
unpack @kubernetes-models/apimachinery@1.2.2 @kubernetes-models/apimachinery
unpack @kubernetes-models/keda@0.3.2 @kubernetes-models/keda

# Stand-ins: record registered schemas instead of compiling them.
mkdir -p "$modules/@kubernetes-models/validate" "$modules/@kubernetes-models/base"
cat >"$modules/@kubernetes-models/validate/index.js" <<'JS'
const registered = new Map();
exports.registered = registered;
exports.register = (id, schema) => registered.set(id, schema);
JS
cat >"$modules/@kubernetes-models/base/index.js" <<'JS'
exports.Model = class {};
exports.setSchema = (model, id, addSchema) => addSchema();
exports.createTypeMetaGuard = () => () => false;
JS
printf 'exports.__esModule = true;\n' >"$modules/tslib.js"

mkdir -p "$out"
node "$here/extract-schemas.cjs" "$modules" "$out"
