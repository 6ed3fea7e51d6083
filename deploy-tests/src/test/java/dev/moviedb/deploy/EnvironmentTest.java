package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every environment variable a service reads is set where it runs. */
class EnvironmentTest {

  @Test
  void everyComposeService_providesEveryEnvVarItsServiceReads() {
    JsonNode services = DeployFiles.compose().path("services");
    for (String service : DeployFiles.SERVICES.keySet()) {
      JsonNode environment = services.path(service).path("environment");
      Set<String> provided = new HashSet<>();
      if (environment.isObject()) {
        environment.fieldNames().forEachRemaining(provided::add);
      } else {
        environment.forEach(e -> provided.add(e.asText().split("=", 2)[0]));
      }

      assertThat(provided).as(service).containsAll(DeployFiles.envVarsReadBy(service));
    }
  }

  @Test
  void everyKubernetesDeployment_providesEveryEnvVarItsServiceReads() {
    for (String overlay : List.of("base", "overlays/small", "overlays/production")) {
      List<JsonNode> resources =
          DeployFiles.kustomize(DeployFiles.deployDir().resolve(overlay)).resources();
      for (String service : DeployFiles.SERVICES.keySet()) {
        JsonNode deployment =
            DeployFiles.find(resources, "Deployment", service)
                .orElseThrow(() -> new AssertionError(overlay + ": no Deployment " + service));
        JsonNode container = DeployFiles.podSpec(deployment).path("containers").get(0);
        Set<String> provided = new HashSet<>();
        container.path("env").forEach(e -> provided.add(e.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
          String configMap = source.path("configMapRef").path("name").asText();
          if (!configMap.isEmpty()) {
            JsonNode data =
                DeployFiles.find(resources, "ConfigMap", configMap)
                    .orElseThrow(() -> new AssertionError(overlay + ": no ConfigMap " + configMap))
                    .path("data");
            data.fieldNames().forEachRemaining(provided::add);
          }
        }

        assertThat(provided)
            .as(overlay + " " + service)
            .containsAll(DeployFiles.envVarsReadBy(service));
      }
    }
  }

  @Test
  void qdrantApiKey_comesFromAnOptionalSecret() {
    List<JsonNode> resources =
        DeployFiles.kustomize(DeployFiles.deployDir().resolve("base")).resources();
    for (String service : List.of("embedding-worker", "recommend-api")) {
      JsonNode container =
          DeployFiles.podSpec(DeployFiles.find(resources, "Deployment", service).orElseThrow())
              .path("containers")
              .get(0);
      JsonNode apiKey =
          DeployFiles.stream(container.path("env"))
              .filter(e -> e.path("name").asText().equals("MOVIEDB_VECTOR_STORE_QDRANT_API_KEY"))
              .findFirst()
              .orElseThrow();

      assertThat(apiKey.at("/valueFrom/secretKeyRef/optional").asBoolean()).as(service).isTrue();
    }
  }
}
