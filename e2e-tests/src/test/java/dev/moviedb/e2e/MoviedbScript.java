package dev.moviedb.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code bin/moviedb} as the end-to-end tests run it: a command, its output and exit code. */
final class MoviedbScript {

  /** A finished command: its exit code (-1 when it timed out) and its output, stderr included. */
  record Run(int exitCode, String output) {}

  private MoviedbScript() {}

  /** Runs {@code bin/moviedb args...} of the repository at {@code root} with {@code env} added. */
  static Run run(Path root, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(root.resolve("bin/moviedb").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return new Run(-1, output + "\n(timed out)");
    }
    return new Run(p.exitValue(), output);
  }

  /** Deletes a directory and everything below it; nothing when it does not exist. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }
}
