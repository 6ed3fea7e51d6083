// Writes the JSON schemas that kubernetes-models and @kubernetes-models/keda ship (as JavaScript
// modules) to plain JSON files, one per source: {"<schema id>": <schema>, ...}. Only the kinds
// named below and every schema they reference are kept. Run by update-schemas.sh, which prepares
// node_modules with the pinned packages and with stand-ins for the packages that would compile the
// schemas: the stand-ins only record what is registered.
"use strict";
const fs = require("fs");
const path = require("path");

const [, , modulesDir, outDir] = process.argv;
const registered = require(path.join(modulesDir, "@kubernetes-models/validate")).registered;

function dump(file, load) {
  registered.clear();
  load();
  const sorted = {};
  for (const id of [...registered.keys()].sort()) sorted[id] = registered.get(id);
  fs.writeFileSync(path.join(outDir, file), JSON.stringify(sorted, null, 1) + "\n");
  console.log(`${file}: ${registered.size} schemas`);
}

// The Kubernetes kinds the manifests may use. Add a kind here (and run update-schemas.sh) before
// using it in deploy/: the tests refuse an object whose kind has no schema.
const kubernetesKinds = [
  "IoK8sApiCoreV1Namespace",
  "IoK8sApiCoreV1ConfigMap",
  "IoK8sApiCoreV1Secret",
  "IoK8sApiCoreV1Service",
  "IoK8sApiCoreV1ServiceAccount",
  "IoK8sApiAppsV1Deployment",
  "IoK8sApiAppsV1StatefulSet",
  "IoK8sApiBatchV1Job",
  "IoK8sApiPolicyV1PodDisruptionBudget",
  "IoK8sApiAutoscalingV2HorizontalPodAutoscaler",
  "IoK8sApiNetworkingV1NetworkPolicy",
];
dump("kubernetes.json", () => {
  for (const kind of kubernetesKinds) {
    require(path.join(modulesDir, "kubernetes-models/_schemas", kind + ".js")).addSchema();
  }
});

dump("keda.json", () => {
  for (const kind of ["ScaledObject", "TriggerAuthentication"]) {
    require(path.join(modulesDir, "@kubernetes-models/keda/keda.sh/v1alpha1", kind + ".js"));
  }
});
