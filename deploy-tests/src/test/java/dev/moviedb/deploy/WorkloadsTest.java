package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every workload of every overlay (patches applied) and of every component. */
class WorkloadsTest {

  private static List<JsonNode> workloads() {
    Path deploy = DeployFiles.deployDir();
    List<JsonNode> resources = new ArrayList<>();
    resources.addAll(DeployFiles.kustomize(deploy.resolve("overlays/small")).resources());
    resources.addAll(
        DeployFiles.kustomize(
                deploy.resolve("overlays/production"), deploy.resolve("components/ollama"))
            .resources());
    return Stream.concat(
            DeployFiles.ofKind(resources, "Deployment").stream(),
            DeployFiles.ofKind(resources, "StatefulSet").stream())
        .toList();
  }

  private static String describe(JsonNode workload, JsonNode container) {
    return DeployFiles.kind(workload)
        + " "
        + DeployFiles.name(workload)
        + " container "
        + container.path("name").asText();
  }

  @Test
  void everyContainer_hasLivenessAndReadinessProbes() {
    assertThat(workloads()).isNotEmpty();
    for (JsonNode workload : workloads()) {
      for (JsonNode container : DeployFiles.podSpec(workload).path("containers")) {
        assertThat(container.has("livenessProbe")).as(describe(workload, container)).isTrue();
        assertThat(container.has("readinessProbe")).as(describe(workload, container)).isTrue();
      }
    }
  }

  @Test
  void everyServiceContainer_probesTheQuarkusHealthEndpoints() {
    for (JsonNode workload : workloads()) {
      if (!DeployFiles.SERVICES.containsKey(DeployFiles.name(workload))) {
        continue;
      }
      JsonNode container = DeployFiles.podSpec(workload).path("containers").get(0);
      assertThat(container.at("/startupProbe/httpGet/path").asText())
          .as(describe(workload, container))
          .isEqualTo("/q/health/started");
      assertThat(container.at("/livenessProbe/httpGet/path").asText())
          .as(describe(workload, container))
          .isEqualTo("/q/health/live");
      assertThat(container.at("/readinessProbe/httpGet/path").asText())
          .as(describe(workload, container))
          .isEqualTo("/q/health/ready");
    }
    assertThat(workloads())
        .extracting(DeployFiles::name)
        .containsAll(DeployFiles.SERVICES.keySet());
  }

  @Test
  void everyContainer_hasCpuAndMemoryRequestsAndLimits() {
    for (JsonNode workload : workloads()) {
      for (JsonNode container : DeployFiles.podSpec(workload).path("containers")) {
        for (String bound : List.of("requests", "limits")) {
          for (String resource : List.of("cpu", "memory")) {
            assertThat(container.path("resources").path(bound).path(resource).asText())
                .as(describe(workload, container) + " " + bound + "." + resource)
                .isNotEmpty();
          }
        }
      }
    }
  }

  @Test
  void everyContainer_runsAsNonRootWithoutPrivilegeEscalation() {
    for (JsonNode workload : workloads()) {
      JsonNode pod = DeployFiles.podSpec(workload);
      for (JsonNode container : pod.path("containers")) {
        boolean nonRoot =
            container.at("/securityContext/runAsNonRoot").asBoolean(false)
                || pod.at("/securityContext/runAsNonRoot").asBoolean(false);
        assertThat(nonRoot).as(describe(workload, container)).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
            .as(describe(workload, container))
            .isFalse();
        assertThat(DeployFiles.texts(container.at("/securityContext/capabilities/drop")))
            .as(describe(workload, container))
            .contains("ALL");
      }
    }
  }

  @Test
  void everyServiceContainer_hasAReadOnlyRootAndAWritableTmp() {
    for (JsonNode workload : workloads()) {
      if (!DeployFiles.SERVICES.containsKey(DeployFiles.name(workload))) {
        continue;
      }
      JsonNode pod = DeployFiles.podSpec(workload);
      JsonNode container = pod.path("containers").get(0);
      assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean())
          .as(describe(workload, container))
          .isTrue();
      assertThat(container.at("/securityContext/runAsUser").asInt()).isEqualTo(185);
      String tmpVolume =
          DeployFiles.stream(container.path("volumeMounts"))
              .filter(m -> m.path("mountPath").asText().equals("/tmp"))
              .map(m -> m.path("name").asText())
              .findFirst()
              .orElseThrow(() -> new AssertionError(describe(workload, container) + ": no /tmp"));
      assertThat(
              DeployFiles.stream(pod.path("volumes"))
                  .filter(v -> v.path("name").asText().equals(tmpVolume))
                  .anyMatch(v -> v.has("emptyDir")))
          .as(describe(workload, container) + ": /tmp is an emptyDir")
          .isTrue();
    }
  }
}
