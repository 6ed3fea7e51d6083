package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moviedb.deploy.ServiceConfig.Consumer;
import dev.moviedb.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Protects: that the autoscalers scale on what the services really do, and own the scale alone. */
class ScalingTest {

  static List<String> overlays() {
    return Rendered.overlays();
  }

  /**
   * KEDA must watch the consumer groups the scaled service commits as, all of them. The groups (the
   * worker's embedding-worker-${moviedb.embedding.model}, collective-signals'
   * ${MOVIEDB_SIGNALS_GROUP}) are resolved here from the service's application.properties and the
   * environment of its rendered Deployment, exactly as the service resolves them, and compared with
   * the kafka triggers of its ScaledObject. A ScaledObject on a group that never commits scales on
   * a lag that never shrinks; a consumer it does not watch can fall behind without a new replica.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyKedaKafkaTrigger_watchesExactlyTheTopicsAndGroupsItsServiceConsumesWith(
      String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    List<JsonNode> scaledObjects = DeployFiles.ofKind(rendered, "ScaledObject");
    assertThat(scaledObjects).as(overlay).isNotEmpty();

    for (JsonNode scaledObject : scaledObjects) {
      String service = scaledObject.at("/spec/scaleTargetRef/name").asText();
      List<Consumer> consumers =
          List.copyOf(ServiceConfig.in(rendered, service).consumers().values());
      List<Consumer> watched = new ArrayList<>();
      for (JsonNode trigger : kafkaTriggers(scaledObject)) {
        watched.add(
            new Consumer(
                trigger.at("/metadata/topic").asText(),
                trigger.at("/metadata/consumerGroup").asText()));
      }

      assertThat(watched)
          .as(overlay + ": the triggers of ScaledObject " + DeployFiles.name(scaledObject))
          .containsExactlyInAnyOrderElementsOf(consumers);
    }
    assertThat(scaledObjects)
        .extracting(s -> s.at("/spec/scaleTargetRef/name").asText())
        .as(overlay)
        .contains("embedding-worker", "collective-signals");
  }

  /**
   * A Deployment owned by an HPA or a ScaledObject has no replicas field: kubectl apply would reset
   * the autoscaler's choice to it on every apply.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void noAutoscaledDeployment_setsReplicas(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    List<String> targets =
        Stream.concat(
                DeployFiles.ofKind(rendered, "HorizontalPodAutoscaler").stream()
                    .map(h -> h.at("/spec/scaleTargetRef")),
                DeployFiles.ofKind(rendered, "ScaledObject").stream()
                    .map(s -> s.at("/spec/scaleTargetRef")))
            .peek(ref -> assertThat(ref.path("kind").asText("Deployment")).isEqualTo("Deployment"))
            .map(ref -> ref.path("name").asText())
            .toList();

    assertThat(targets)
        .as(overlay)
        .contains("recommend-api", "embedding-worker", "collective-signals");
    for (String target : targets) {
      assertThat(DeployFiles.get(rendered, "Deployment", target).path("spec").has("replicas"))
          .as(overlay + ": Deployment " + target + " has replicas")
          .isFalse();
    }
  }

  /**
   * KEDA reaches Kafka from its own namespace through the bootstrap Service, on a listener's port,
   * and authenticates and encrypts as that listener requires.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyKedaKafkaTrigger_reachesAListenerTheWayItIsSecured(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    JsonNode kafka = DeployFiles.ofKind(rendered, "Kafka").get(0);
    String namespace = kafka.at("/metadata/namespace").asText();
    String host = DeployFiles.name(kafka) + "-kafka-bootstrap." + namespace + ".svc";

    for (JsonNode scaledObject : DeployFiles.ofKind(rendered, "ScaledObject")) {
      for (JsonNode trigger : kafkaTriggers(scaledObject)) {
        String[] bootstrap = trigger.at("/metadata/bootstrapServers").asText().split(":");
        assertThat(bootstrap[0]).as(overlay).isEqualTo(host);
        JsonNode listener =
            DeployFiles.stream(kafka.at("/spec/kafka/listeners"))
                .filter(l -> String.valueOf(l.path("port").asInt()).equals(bootstrap[1]))
                .findFirst()
                .orElseThrow(
                    () -> new AssertionError(overlay + ": no listener on " + bootstrap[1]));

        String sasl = trigger.at("/metadata/sasl").asText("none");
        String tls = trigger.at("/metadata/tls").asText("disable");
        boolean scram = listener.at("/authentication/type").asText().equals("scram-sha-512");
        assertThat(sasl).as(overlay + " sasl").isEqualTo(scram ? "scram_sha512" : "none");
        assertThat(tls)
            .as(overlay + " tls")
            .isEqualTo(listener.path("tls").asBoolean() ? "enable" : "disable");
        if (scram) {
          String authentication = trigger.at("/authenticationRef/name").asText();
          JsonNode auth =
              DeployFiles.find(rendered, "TriggerAuthentication", authentication)
                  .orElseThrow(
                      () ->
                          new AssertionError(
                              overlay + ": no TriggerAuthentication " + authentication));
          assertAuthenticatesAsItsService(
              rendered, auth, scaledObject.at("/spec/scaleTargetRef/name").asText());
        }
      }
    }
  }

  /**
   * KEDA reads the lag as the scaled service's own KafkaUser (whose ACLs cover that service's
   * groups and topics): the user name from the service's container, the password from the Secret
   * Strimzi makes for that user.
   */
  private static void assertAuthenticatesAsItsService(
      List<JsonNode> rendered, JsonNode auth, String service) {
    String what = DeployFiles.id(auth);
    JsonNode password =
        DeployFiles.stream(auth.at("/spec/secretTargetRef"))
            .filter(r -> r.path("parameter").asText().equals("password"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(what + ": no password"));
    assertThat(password.path("name").asText()).as(what + " password").isEqualTo(service);
    JsonNode username =
        DeployFiles.stream(auth.at("/spec/env"))
            .filter(r -> r.path("parameter").asText().equals("username"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(what + ": no username"));
    assertThat(username.path("containerName").asText()).as(what).isEqualTo(service);
    assertThat(
            Environment.ofDeployment(rendered, service)
                .values()
                .get(username.path("name").asText()))
        .as(what + " username")
        .isEqualTo(service);
    assertThat(DeployFiles.find(rendered, "KafkaUser", service))
        .as(what + ": KafkaUser " + service)
        .isPresent();
  }

  /** More consumers than partitions sit idle: KEDA's maximum stays within the partitions. */
  @ParameterizedTest
  @MethodSource("overlays")
  void kedaMaximum_isWithinThePartitionsOfTheTopicsItWatches(String overlay) {
    for (JsonNode scaledObject : DeployFiles.ofKind(Rendered.overlay(overlay), "ScaledObject")) {
      int partitions =
          kafkaTriggers(scaledObject).stream()
              .map(t -> t.at("/metadata/topic").asText())
              .mapToInt(
                  topic ->
                      Topics.ALL.stream()
                          .filter(t -> t.name().equals(topic))
                          .findFirst()
                          .orElseThrow(() -> new AssertionError(topic + " is not in Topics.ALL"))
                          .partitions())
              .max()
              .orElseThrow();

      assertThat(scaledObject.at("/spec/maxReplicaCount").asInt())
          .as(overlay)
          .isBetween(1, partitions);
    }
  }

  private static List<JsonNode> kafkaTriggers(JsonNode scaledObject) {
    return DeployFiles.stream(scaledObject.at("/spec/triggers"))
        .filter(t -> t.path("type").asText().equals("kafka"))
        .toList();
  }
}
