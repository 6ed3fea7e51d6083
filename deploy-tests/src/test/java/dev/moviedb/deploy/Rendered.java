package dev.moviedb.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The overlays of deploy/overlays as kustomize renders them: what {@code kubectl apply -k} would
 * send to the cluster. Rendered by kubectl kustomize (the kubectl that tools/install-kubectl.sh
 * pins), once per overlay and test run.
 */
final class Rendered {

  private static final Map<String, List<JsonNode>> CACHE = new ConcurrentHashMap<>();
  private static volatile Path kubectl;

  private Rendered() {}

  /** The name of every overlay: each directory of deploy/overlays with a kustomization.yaml. */
  static List<String> overlays() {
    try (Stream<Path> dirs = Files.list(DeployFiles.deployDir().resolve("overlays"))) {
      List<String> names =
          dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
              .map(d -> d.getFileName().toString())
              .sorted()
              .toList();
      if (names.isEmpty()) {
        throw new AssertionError("no overlay under deploy/overlays");
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The objects of one overlay, rendered. */
  static List<JsonNode> overlay(String name) {
    return CACHE.computeIfAbsent(
        name, n -> render(DeployFiles.deployDir().resolve("overlays").resolve(n)));
  }

  /** Renders a kustomization directory; fails with kustomize's own message when it cannot. */
  static List<JsonNode> render(Path dir) {
    String yaml = run(List.of(kubectl().toString(), "kustomize", dir.toString()), dir.toString());
    return DeployFiles.readDocuments(yaml, "kubectl kustomize " + dir);
  }

  /** The pinned kubectl, installed on first use by tools/install-kubectl.sh (idempotent). */
  private static Path kubectl() {
    if (kubectl == null) {
      synchronized (Rendered.class) {
        if (kubectl == null) {
          Path script = DeployFiles.root().resolve("deploy-tests/tools/install-kubectl.sh");
          String output = run(List.of("bash", script.toString()), script.toString()).strip();
          String last = output.substring(output.lastIndexOf('\n') + 1);
          kubectl = Path.of(last.substring(last.indexOf(": ") + 2));
        }
      }
    }
    return kubectl;
  }

  private static String run(List<String> command, String what) {
    try {
      Path err = Files.createTempFile("deploy-tests", ".err");
      Process process =
          new ProcessBuilder(command)
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + ": no answer in 5 minutes");
      }
      String errors = Files.readString(err);
      Files.delete(err);
      if (process.exitValue() != 0) {
        throw new AssertionError(
            what
                + ": "
                + String.join(" ", command)
                + " failed ("
                + process.exitValue()
                + "):\n"
                + errors
                + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
