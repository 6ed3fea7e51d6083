package dev.moviedb.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment of a container in a rendered overlay, as Kubernetes builds it: envFrom sources in
 * order (a later one wins), then env. A variable from a Secret has the value "secret:NAME/KEY",
 * with its reference kept in {@link #secretRef(String)}.
 */
record Environment(Map<String, String> values, Map<String, JsonNode> secretRefs) {

  /** The environment of the first container of a Deployment. */
  static Environment ofDeployment(List<JsonNode> rendered, String deployment) {
    JsonNode container =
        DeployFiles.podSpec(DeployFiles.get(rendered, "Deployment", deployment))
            .path("containers")
            .get(0);
    return of(rendered, container);
  }

  static Environment of(List<JsonNode> rendered, JsonNode container) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, JsonNode> secretRefs = new LinkedHashMap<>();
    for (JsonNode source : container.path("envFrom")) {
      String configMap = source.at("/configMapRef/name").asText();
      if (!configMap.isEmpty()) {
        DeployFiles.get(rendered, "ConfigMap", configMap)
            .path("data")
            .fields()
            .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
      }
      if (source.has("secretRef")) {
        throw new AssertionError(
            "envFrom a whole Secret hides which variables it sets: use env with secretKeyRef");
      }
    }
    for (JsonNode variable : container.path("env")) {
      String name = variable.path("name").asText();
      JsonNode secret = variable.at("/valueFrom/secretKeyRef");
      JsonNode configMap = variable.at("/valueFrom/configMapKeyRef");
      if (!secret.isMissingNode()) {
        values.put(
            name, "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
        secretRefs.put(name, secret);
      } else if (!configMap.isMissingNode()) {
        values.put(
            name,
            DeployFiles.get(rendered, "ConfigMap", configMap.path("name").asText())
                .path("data")
                .path(configMap.path("key").asText())
                .asText());
      } else {
        values.put(name, variable.path("value").asText());
      }
    }
    return new Environment(values, secretRefs);
  }

  /** The secretKeyRef a variable comes from, if it comes from a Secret. */
  Optional<JsonNode> secretRef(String name) {
    return Optional.ofNullable(secretRefs.get(name));
  }
}
