package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protects: that every pod of every rendered overlay runs safely, survives a node loss and is
 * pinned.
 */
class WorkloadsTest {

  static List<String> overlays() {
    return Rendered.overlays();
  }

  private static String describe(JsonNode workload, JsonNode container) {
    return DeployFiles.id(workload) + " container " + container.path("name").asText();
  }

  private static List<JsonNode> longRunning(List<JsonNode> rendered) {
    return DeployFiles.workloads(rendered).stream()
        .filter(w -> !DeployFiles.kind(w).equals("Job"))
        .toList();
  }

  /** Kubernetes restarts what stops answering and routes only to what is ready. */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyLongRunningContainer_hasLivenessAndReadinessProbes(String overlay) {
    for (JsonNode workload : longRunning(Rendered.overlay(overlay))) {
      for (JsonNode container : DeployFiles.podSpec(workload).path("containers")) {
        assertThat(container.has("livenessProbe")).as(describe(workload, container)).isTrue();
        assertThat(container.has("readinessProbe")).as(describe(workload, container)).isTrue();
      }
    }
  }

  /** The services' probes are the Quarkus health endpoints (started, live, ready). */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyServiceContainer_probesTheQuarkusHealthEndpoints(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    for (String service : DeployFiles.SERVICES.keySet()) {
      JsonNode workload = DeployFiles.get(rendered, "Deployment", service);
      JsonNode container = DeployFiles.podSpec(workload).path("containers").get(0);
      assertThat(container.at("/startupProbe/httpGet/path").asText())
          .as(describe(workload, container))
          .isEqualTo("/q/health/started");
      assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
      assertThat(container.at("/readinessProbe/httpGet/path").asText())
          .isEqualTo("/q/health/ready");
    }
  }

  /** The scheduler needs requests; limits keep one pod from starving its node. */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainer_hasCpuAndMemoryRequestsAndLimits(String overlay) {
    for (JsonNode workload : DeployFiles.workloads(Rendered.overlay(overlay))) {
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

  /** Restricted pod security: no root, no privilege escalation, no capabilities. */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainer_runsAsNonRootWithoutPrivilegeEscalation(String overlay) {
    for (JsonNode workload : DeployFiles.workloads(Rendered.overlay(overlay))) {
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

  /** The services write only to /tmp, an emptyDir; their root file system is read-only. */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyServiceContainer_hasAReadOnlyRootAndAWritableTmp(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    for (String service : DeployFiles.SERVICES.keySet()) {
      JsonNode workload = DeployFiles.get(rendered, "Deployment", service);
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

  /**
   * Replicas of one workload (and the Kafka nodes) spread over hosts: a node loss takes at most a
   * share of them. Each spread constraint selects the workload's own pods.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyLongRunningWorkloadAndKafkaNodePool_spreadsItsPodsOverHosts(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    for (JsonNode workload : longRunning(rendered)) {
      JsonNode labels = workload.at("/spec/template/metadata/labels");
      assertSpreadsOverHosts(
          DeployFiles.id(workload),
          DeployFiles.podSpec(workload).path("topologySpreadConstraints"),
          labels);
    }
    for (JsonNode pool : DeployFiles.ofKind(rendered, "KafkaNodePool")) {
      // Strimzi labels the pods of a pool with its cluster and pool name.
      JsonNode labels =
          DeployFiles.readDocuments(
                  "{strimzi.io/cluster: "
                      + pool.at("/metadata/labels/strimzi.io~1cluster").asText()
                      + ", strimzi.io/pool-name: "
                      + DeployFiles.name(pool)
                      + "}",
                  "pool labels")
              .get(0);
      JsonNode constraints = pool.at("/spec/template/pod/topologySpreadConstraints");
      assertSpreadsOverHosts(DeployFiles.id(pool), constraints, labels);
      // Brokers hold replicas of the same partitions: two on one host is refused, not preferred.
      assertThat(constraints)
          .as(DeployFiles.id(pool))
          .anyMatch(
              c ->
                  c.path("topologyKey").asText().equals("kubernetes.io/hostname")
                      && c.path("whenUnsatisfiable").asText().equals("DoNotSchedule"));
    }
  }

  private static void assertSpreadsOverHosts(
      String what, JsonNode constraints, JsonNode podLabels) {
    assertThat(constraints).as(what + " has topologySpreadConstraints").isNotEmpty();
    JsonNode byHost =
        DeployFiles.stream(constraints)
            .filter(c -> c.path("topologyKey").asText().equals("kubernetes.io/hostname"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError(what + ": no spread over kubernetes.io/hostname"));
    JsonNode matchLabels = byHost.at("/labelSelector/matchLabels");
    assertThat(matchLabels.size()).as(what + ": the spread selects pods").isPositive();
    matchLabels
        .fields()
        .forEachRemaining(
            label ->
                assertThat(podLabels.path(label.getKey()).asText())
                    .as(what + ": the spread selects its own pods (" + label.getKey() + ")")
                    .isEqualTo(label.getValue().asText()));
  }

  /**
   * Every image is pinned to a tag (never untagged, never latest), and the services' images to the
   * project's version, the tag the build gives them.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyImage_isPinned(String overlay) {
    for (JsonNode workload : DeployFiles.workloads(Rendered.overlay(overlay))) {
      JsonNode pod = DeployFiles.podSpec(workload);
      for (String list : List.of("initContainers", "containers")) {
        for (JsonNode container : pod.path(list)) {
          String image = container.path("image").asText();
          assertPinned(describe(workload, container), image);
          if (image.startsWith("moviedb/")) {
            assertThat(image).endsWith(":" + DeployFiles.projectVersion());
          }
        }
      }
    }
  }

  static void assertPinned(String what, String image) {
    String lastPart = image.substring(image.lastIndexOf('/') + 1);
    assertThat(lastPart).as(what + ": " + image + " has a tag").contains(":");
    assertThat(lastPart.substring(lastPart.indexOf(':') + 1))
        .as(what + ": " + image)
        .isNotEmpty()
        .isNotEqualTo("latest");
  }

  /** Kafka's heap leaves at least a quarter of the memory limit to the page cache and buffers. */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyKafkaNodePool_keepsItsHeapWellInsideItsMemoryLimit(String overlay) {
    for (JsonNode pool : DeployFiles.ofKind(Rendered.overlay(overlay), "KafkaNodePool")) {
      long heap = bytes(pool.at("/spec/jvmOptions/-Xmx").asText());
      long limit = bytes(pool.at("/spec/resources/limits/memory").asText());

      assertThat(heap)
          .as(DeployFiles.id(pool) + " -Xmx")
          .isPositive()
          .isLessThanOrEqualTo(limit * 3 / 4);
      assertThat(pool.at("/spec/jvmOptions/-Xms").asText())
          .isEqualTo(pool.at("/spec/jvmOptions/-Xmx").asText());
    }
  }

  /** Bytes of a JVM size (512m, 2g) or a Kubernetes quantity (768Mi, 4Gi). */
  static long bytes(String size) {
    Map<String, Long> units =
        Map.of(
            "m", 1L << 20, "M", 1L << 20, "g", 1L << 30, "G", 1L << 30, "Mi", 1L << 20, "Gi",
            1L << 30);
    Matcher matcher = Pattern.compile("^(\\d+)(m|M|g|G|Mi|Gi)$").matcher(size);
    if (!matcher.matches()) {
      throw new AssertionError("not a size: '" + size + "'");
    }
    return Long.parseLong(matcher.group(1)) * units.get(matcher.group(2));
  }
}
