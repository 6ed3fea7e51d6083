package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protects: that {@code kubectl apply -k} of each overlay is accepted by a cluster with Strimzi >=
 * 1.0 and KEDA. Every object of every rendered overlay must match the schema of its apiVersion and
 * kind (Kubernetes, Strimzi v1 CRDs, KEDA CRDs), with no field the schema does not declare: a field
 * renamed between Strimzi v1beta2 and v1, a misplaced key or a kind with no schema fails here.
 */
class SchemasTest {

  static List<String> overlays() {
    return Rendered.overlays();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyRenderedObject_matchesTheSchemaOfItsKind(String overlay) {
    List<String> problems = new ArrayList<>();
    for (JsonNode object : Rendered.overlay(overlay)) {
      for (String problem : Schemas.get().problems(object)) {
        problems.add(DeployFiles.id(object) + " " + problem);
      }
    }

    assertThat(problems).as(overlay).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyStrimziObject_usesTheV1Api(String overlay) {
    assertThat(Rendered.overlay(overlay))
        .filteredOn(o -> o.path("apiVersion").asText().startsWith("kafka.strimzi.io/"))
        .isNotEmpty()
        .extracting(o -> o.path("apiVersion").asText())
        .containsOnly("kafka.strimzi.io/v1");
  }

  // The validation itself must be able to say no; these break one real object each.

  @Test
  void aDeploymentWithAFieldKubernetesDoesNotHave_isRefused() {
    ObjectNode deployment = production("Deployment", "catalog-ingest");
    ((ObjectNode) deployment.path("spec")).put("replica", 2);

    assertThat(Schemas.get().problems(deployment)).anyMatch(p -> p.contains("replica"));
  }

  @Test
  void aKafkaWithTheRemovedV1beta2Replicas_isRefused() {
    ObjectNode kafka = production("Kafka", "moviedb");
    ((ObjectNode) kafka.at("/spec/kafka")).put("replicas", 3);

    assertThat(Schemas.get().problems(kafka)).anyMatch(p -> p.contains("replicas"));
  }

  @Test
  void aKafkaUserAclWithTheV1beta2SingularOperation_isRefused() {
    ObjectNode user = production("KafkaUser", "embedding-worker");
    ObjectNode acl = (ObjectNode) user.at("/spec/authorization/acls/0");
    acl.remove("operations");
    acl.put("operation", "Read");

    assertThat(Schemas.get().problems(user))
        .anyMatch(p -> p.contains("operation"))
        .anyMatch(p -> p.contains("operations"));
  }

  @Test
  void aScaledObjectWithAWronglyTypedField_isRefused() {
    ObjectNode scaledObject = production("ScaledObject", "embedding-worker");
    ((ObjectNode) scaledObject.path("spec")).put("maxReplicaCount", "three");

    assertThat(Schemas.get().problems(scaledObject)).anyMatch(p -> p.contains("maxReplicaCount"));
  }

  @Test
  void aKindWithoutASchema_isRefused() {
    ObjectNode unknown = production("Deployment", "catalog-ingest");
    unknown.put("apiVersion", "extensions/v1beta1");

    assertThat(Schemas.get().problems(unknown)).anyMatch(p -> p.startsWith("no schema for"));
  }

  private static ObjectNode production(String kind, String name) {
    return (ObjectNode) DeployFiles.get(Rendered.overlay("production"), kind, name).deepCopy();
  }
}
