package dev.moviedb.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the deployment files of the project and composes kustomize overlays the simple way. */
final class DeployFiles {

  /** The four services and their HTTP ports. */
  static final Map<String, Integer> SERVICES =
      Map.of(
          "catalog-ingest", 8081,
          "embedding-worker", 8082,
          "taste-profile-service", 8083,
          "recommend-api", 8080);

  private static final List<String> VECTOR_AND_MODEL_ENV =
      List.of(
          "MOVIEDB_VECTOR_STORE_KIND",
          "MOVIEDB_VECTOR_STORE_QDRANT_HOST",
          "MOVIEDB_VECTOR_STORE_QDRANT_PORT",
          "MOVIEDB_VECTOR_STORE_QDRANT_API_KEY",
          "MOVIEDB_EMBEDDING_PROVIDER",
          "MOVIEDB_EMBEDDING_MODEL",
          "MOVIEDB_EMBEDDING_OLLAMA_BASE_URL");

  /**
   * What each service reads from the environment besides its application.properties: the connection
   * settings of the services whose configuration does not exist yet, and the moviedb.* keys of the
   * vectors module (MicroProfile Config maps moviedb.vector-store.kind to
   * MOVIEDB_VECTOR_STORE_KIND).
   */
  private static final Map<String, List<String>> KNOWN_ENV =
      Map.of(
          "catalog-ingest", List.of("KAFKA_BOOTSTRAP_SERVERS"),
          "embedding-worker", concat(List.of("KAFKA_BOOTSTRAP_SERVERS"), VECTOR_AND_MODEL_ENV),
          "taste-profile-service", List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_REDIS_HOSTS"),
          "recommend-api",
              concat(
                  List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_REDIS_HOSTS"), VECTOR_AND_MODEL_ENV));

  private static final Pattern ENV_REFERENCE =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

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

  /** Every YAML file under deploy/. */
  static List<Path> deployYamlFiles() {
    try (Stream<Path> files = Files.walk(deployDir())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documents of a YAML file, without empty ones. */
  static List<JsonNode> readDocuments(Path file) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        YAML.readerFor(JsonNode.class).readValues(Files.readString(file))) {
      while (it.hasNext()) {
        JsonNode document = it.next();
        if (document != null && !document.isMissingNode() && !document.isNull()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse " + file, e);
    }
    return documents;
  }

  static JsonNode compose() {
    return readDocuments(root().resolve("docker-compose.yml")).get(0);
  }

  /** The environment variables a service reads: its application.properties plus KNOWN_ENV. */
  static Set<String> envVarsReadBy(String service) {
    Set<String> names = new LinkedHashSet<>(KNOWN_ENV.get(service));
    Path properties = root().resolve(service).resolve("src/main/resources/application.properties");
    if (Files.isRegularFile(properties)) {
      try {
        Matcher matcher = ENV_REFERENCE.matcher(Files.readString(properties));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  static String kind(JsonNode resource) {
    return resource.path("kind").asText();
  }

  static String name(JsonNode resource) {
    return resource.path("metadata").path("name").asText();
  }

  static List<JsonNode> ofKind(List<JsonNode> resources, String kind) {
    return resources.stream().filter(r -> kind.equals(kind(r))).toList();
  }

  static Optional<JsonNode> find(List<JsonNode> resources, String kind, String name) {
    return resources.stream().filter(r -> kind.equals(kind(r)) && name.equals(name(r))).findFirst();
  }

  /** The result of composing a kustomization: its resources and what could not be resolved. */
  record Kustomized(List<JsonNode> resources, List<String> problems) {}

  /**
   * Composes kustomization directories in order (e.g. an overlay, then a component): the resources
   * of each (files or kustomization directories), its components, then its patches, each patch
   * merged into the resource of the same kind and name. Enough for this project; not a kustomize.
   */
  static Kustomized kustomize(Path... dirs) {
    List<JsonNode> resources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path dir : dirs) {
      kustomizeInto(dir, resources, problems);
    }
    return new Kustomized(resources, problems);
  }

  static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static List<String> texts(JsonNode array) {
    return stream(array).map(JsonNode::asText).toList();
  }

  private static void kustomizeInto(Path dir, List<JsonNode> resources, List<String> problems) {
    Path file = dir.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      problems.add(dir + " has no kustomization.yaml");
      return;
    }
    JsonNode kustomization = readDocuments(file).get(0);
    for (JsonNode entry : kustomization.path("resources")) {
      Path path = dir.resolve(entry.asText()).normalize();
      if (Files.isDirectory(path)) {
        kustomizeInto(path, resources, problems);
      } else if (Files.isRegularFile(path)) {
        readDocuments(path).forEach(d -> resources.add(d.deepCopy()));
      } else {
        problems.add(file + ": resource " + entry.asText() + " does not exist");
      }
    }
    for (JsonNode entry : kustomization.path("components")) {
      Path path = dir.resolve(entry.asText()).normalize();
      if (Files.isDirectory(path)) {
        kustomizeInto(path, resources, problems);
      } else {
        problems.add(file + ": component " + entry.asText() + " does not exist");
      }
    }
    List<String> patchPaths = new ArrayList<>();
    kustomization.path("patches").forEach(p -> patchPaths.add(p.path("path").asText()));
    kustomization.path("patchesStrategicMerge").forEach(p -> patchPaths.add(p.asText()));
    for (String patchPath : patchPaths) {
      Path path = dir.resolve(patchPath).normalize();
      if (patchPath.isEmpty() || !Files.isRegularFile(path)) {
        problems.add(file + ": patch '" + patchPath + "' does not exist");
        continue;
      }
      for (JsonNode patch : readDocuments(path)) {
        Optional<JsonNode> target = find(resources, kind(patch), name(patch));
        if (target.isEmpty()) {
          problems.add(path + ": no " + kind(patch) + " named " + name(patch) + " to patch");
        } else {
          merge((ObjectNode) target.get(), patch);
        }
      }
    }
  }

  /** Strategic merge, simplified: maps merge, lists of named items merge by name, null deletes. */
  static void merge(ObjectNode target, JsonNode patch) {
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      JsonNode current = target.get(field.getKey());
      JsonNode value = field.getValue();
      if (value.isNull()) {
        target.remove(field.getKey());
      } else if (current instanceof ObjectNode currentObject && value.isObject()) {
        merge(currentObject, value);
      } else if (current instanceof ArrayNode currentArray
          && value.isArray()
          && allNamed(currentArray)
          && allNamed(value)) {
        for (JsonNode item : value) {
          Optional<JsonNode> same = stream(currentArray).filter(i -> sameName(i, item)).findFirst();
          if (same.isPresent()) {
            merge((ObjectNode) same.get(), item);
          } else {
            currentArray.add(item.deepCopy());
          }
        }
      } else {
        target.set(field.getKey(), value.deepCopy());
      }
    }
  }

  private static boolean allNamed(JsonNode array) {
    return !array.isEmpty() && stream(array).allMatch(i -> i.isObject() && i.hasNonNull("name"));
  }

  private static boolean sameName(JsonNode a, JsonNode b) {
    return a.path("name").asText().equals(b.path("name").asText());
  }

  static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  /** The pod spec of a Deployment or StatefulSet. */
  static JsonNode podSpec(JsonNode workload) {
    return workload.path("spec").path("template").path("spec");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
