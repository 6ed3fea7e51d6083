package dev.moviedb.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the deployment files of the project: paths, YAML documents, and look-ups in them. */
final class DeployFiles {

  /** The services and their HTTP ports. */
  static final Map<String, Integer> SERVICES =
      Map.of(
          "catalog-ingest", 8081,
          "embedding-worker", 8082,
          "taste-profile-service", 8083,
          "collective-signals", 8084,
          "recommend-api", 8080);

  private static final YAMLMapper YAML = new YAMLMapper();

  private DeployFiles() {}

  /** The project root: the system property set by the parent's surefire, else the parent dir. */
  static Path root() {
    List<String> candidates = new ArrayList<>();
    Optional.ofNullable(System.getProperty("moviedb.project-root")).ifPresent(candidates::add);
    candidates.add("..");
    candidates.add(".");
    for (String candidate : candidates) {
      Path path = Path.of(candidate).toAbsolutePath().normalize();
      if (Files.isRegularFile(path.resolve("docker-compose.yml"))) {
        return path;
      }
    }
    throw new IllegalStateException("No docker-compose.yml in any of " + candidates);
  }

  static Path deployDir() {
    return root().resolve("deploy");
  }

  /** The Maven version of the project: the tag of the images the build makes. */
  static String projectVersion() {
    return Optional.ofNullable(System.getProperty("moviedb.project-version"))
        .orElseThrow(() -> new IllegalStateException("moviedb.project-version is not set"));
  }

  /** Every Kubernetes YAML file under deploy/ (the compose files there excluded). */
  static List<Path> kubernetesYamlFiles() {
    try (Stream<Path> files = Files.walk(deployDir())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documents of a YAML text, without empty ones. */
  static List<JsonNode> readDocuments(String yaml, String source) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode document = it.next();
        if (document != null && !document.isMissingNode() && !document.isNull()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse " + source, e);
    }
    return documents;
  }

  static List<JsonNode> readDocuments(Path file) {
    try {
      return readDocuments(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode compose() {
    return readDocuments(root().resolve("docker-compose.yml")).get(0);
  }

  static String kind(JsonNode resource) {
    return resource.path("kind").asText();
  }

  static String name(JsonNode resource) {
    return resource.path("metadata").path("name").asText();
  }

  /** "Kind/name", to name an object in a message. */
  static String id(JsonNode resource) {
    return kind(resource) + "/" + name(resource);
  }

  static List<JsonNode> ofKind(List<JsonNode> resources, String kind) {
    return resources.stream().filter(r -> kind.equals(kind(r))).toList();
  }

  static Optional<JsonNode> find(List<JsonNode> resources, String kind, String name) {
    return resources.stream().filter(r -> kind.equals(kind(r)) && name.equals(name(r))).findFirst();
  }

  static JsonNode get(List<JsonNode> resources, String kind, String name) {
    return find(resources, kind, name)
        .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
  }

  static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static List<String> texts(JsonNode array) {
    return stream(array).map(JsonNode::asText).toList();
  }

  static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  /** The pod spec of a Deployment, StatefulSet or Job. */
  static JsonNode podSpec(JsonNode workload) {
    return workload.path("spec").path("template").path("spec");
  }

  /** Deployments, StatefulSets and Jobs: the objects that run containers. */
  static List<JsonNode> workloads(List<JsonNode> resources) {
    return resources.stream()
        .filter(r -> List.of("Deployment", "StatefulSet", "Job").contains(kind(r)))
        .toList();
  }
}
