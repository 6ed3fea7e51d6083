package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protects: who may open a connection to what, as the rendered NetworkPolicies say (all ingress
 * denied, then allowed rule by rule): every service's port is scraped from the monitoring
 * namespace, only the public APIs take traffic from anywhere, and Redis and Qdrant admit exactly
 * the services whose configuration uses them.
 */
class NetworkPoliciesTest {

  /**
   * The services with an API for users or for imports from outside the cluster. The others
   * (embedding-worker, collective-signals) serve operators and Prometheus only.
   */
  private static final Set<String> PUBLIC =
      Set.of("recommend-api", "catalog-ingest", "taste-profile-service");

  private static final String MONITORING = "monitoring";

  /** A connection's source: a pod's labels and its namespace. */
  record Peer(Map<String, String> podLabels, String namespace) {}

  static List<String> overlays() {
    return Rendered.overlays();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyServicesPort_isReachableFromMonitoring_andFromAnywhereOnlyForThePublicApis(
      String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    String namespace = namespace(rendered);
    Peer monitoring = new Peer(Map.of("app", "prometheus"), MONITORING);
    Peer elsewhere = new Peer(Map.of("app", "ingress-nginx"), "ingress-nginx");

    Map<String, Boolean> openToAnyone = new TreeMap<>();
    for (var service : DeployFiles.SERVICES.entrySet()) {
      Map<String, String> pod = podLabels(rendered, "Deployment", service.getKey());
      int port = service.getValue();

      assertThat(admits(rendered, namespace, pod, port, monitoring))
          .as(overlay + ": monitoring scrapes " + service.getKey() + " on " + port)
          .isTrue();
      openToAnyone.put(service.getKey(), admits(rendered, namespace, pod, port, elsewhere));
    }

    assertThat(openToAnyone)
        .as(overlay + ": services reachable from another namespace")
        .allSatisfy(
            (service, open) -> assertThat(open).as(service).isEqualTo(PUBLIC.contains(service)));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void redisAndQdrant_admitExactlyTheServicesThatUseThem(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    String namespace = namespace(rendered);
    Map<String, String> redis = podLabels(rendered, "StatefulSet", "redis");
    Map<String, String> qdrant = podLabels(rendered, "StatefulSet", "qdrant");

    for (String service : DeployFiles.SERVICES.keySet()) {
      ServiceConfig config = ServiceConfig.in(rendered, service);
      Peer pod = new Peer(podLabels(rendered, "Deployment", service), namespace);

      assertThat(admits(rendered, namespace, redis, 6379, pod))
          .as(overlay + ": Redis admits " + service)
          .isEqualTo(config.value("quarkus.redis.hosts").isPresent());
      assertThat(admits(rendered, namespace, qdrant, 6334, pod))
          .as(overlay + ": Qdrant admits " + service)
          .isEqualTo(config.value("moviedb.vector-store.kind").orElse("").equals("qdrant"));
    }
  }

  private static String namespace(List<JsonNode> rendered) {
    return DeployFiles.ofKind(rendered, "NetworkPolicy").get(0).at("/metadata/namespace").asText();
  }

  private static Map<String, String> podLabels(List<JsonNode> rendered, String kind, String name) {
    Map<String, String> labels = new TreeMap<>();
    DeployFiles.get(rendered, kind, name)
        .at("/spec/template/metadata/labels")
        .fields()
        .forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
    return labels;
  }

  /** Whether some ingress rule of a policy that selects the pod lets the peer in on the port. */
  static boolean admits(
      List<JsonNode> rendered, String namespace, Map<String, String> pod, int port, Peer peer) {
    for (JsonNode policy : DeployFiles.ofKind(rendered, "NetworkPolicy")) {
      if (!policy.at("/metadata/namespace").asText().equals(namespace)
          || !DeployFiles.texts(policy.at("/spec/policyTypes")).contains("Ingress")
          || !selects(policy.at("/spec/podSelector"), pod)) {
        continue;
      }
      for (JsonNode rule : policy.at("/spec/ingress")) {
        if (allowsPort(rule, port) && allowsPeer(rule, namespace, peer)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean allowsPort(JsonNode rule, int port) {
    return !rule.has("ports")
        || DeployFiles.stream(rule.path("ports")).anyMatch(p -> p.path("port").asInt() == port);
  }

  private static boolean allowsPeer(JsonNode rule, String namespace, Peer peer) {
    if (!rule.has("from")) {
      return true;
    }
    for (JsonNode from : rule.path("from")) {
      if (from.has("ipBlock")) {
        throw new AssertionError("ipBlock peers are not evaluated here: " + from);
      }
      boolean namespaceMatches =
          from.has("namespaceSelector")
              ? selects(
                  from.path("namespaceSelector"),
                  Map.of("kubernetes.io/metadata.name", peer.namespace()))
              : peer.namespace().equals(namespace);
      boolean podMatches =
          !from.has("podSelector") || selects(from.path("podSelector"), peer.podLabels());
      if (namespaceMatches && podMatches) {
        return true;
      }
    }
    return false;
  }

  /** A label selector (matchLabels, and matchExpressions with In) against labels. */
  private static boolean selects(JsonNode selector, Map<String, String> labels) {
    boolean[] all = {true};
    selector
        .path("matchLabels")
        .fields()
        .forEachRemaining(l -> all[0] &= l.getValue().asText().equals(labels.get(l.getKey())));
    for (JsonNode expression : selector.path("matchExpressions")) {
      String operator = expression.path("operator").asText();
      if (!operator.equals("In")) {
        throw new AssertionError("selector operator " + operator + " is not evaluated here");
      }
      all[0] &=
          DeployFiles.texts(expression.path("values"))
              .contains(labels.get(expression.path("key").asText()));
    }
    return all[0];
  }
}
