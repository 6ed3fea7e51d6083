package dev.moviedb.infra;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's {@code redis-server}, found on the PATH and checked to be a maintained Redis (7 or
 * later). The one place that decides which Redis MovieDB runs: tests start it through {@link
 * LocalRedis}, {@code bin/moviedb} asks {@code LocalInfra redis-server} for it.
 *
 * @param path the executable
 * @param version its version, e.g. {@code 7.0.15}
 */
public record RedisBinary(String path, String version) {

  public static final int MINIMUM_MAJOR = 7;

  static final String INSTALL_HINT =
      "install Redis "
          + MINIMUM_MAJOR
          + " or later: on Debian 12 or Ubuntu 24.04 'apt-get install redis-server' (as root),"
          + " on macOS 'brew install redis'";

  private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");

  /** The redis-server on this process's PATH. */
  public static RedisBinary onPath() {
    return find(System.getenv("PATH"));
  }

  /**
   * The first {@code redis-server} on the given search path, checked.
   *
   * @throws IllegalStateException naming what is missing or too old and how to install it
   */
  public static RedisBinary find(String searchPath) {
    Path found = null;
    for (String dir : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        found = candidate;
        break;
      }
    }
    if (found == null) {
      throw new IllegalStateException("redis-server is not on the PATH; " + INSTALL_HINT);
    }
    String version = versionOf(found);
    Matcher m = VERSION.matcher(version);
    if (!m.find()) {
      throw new IllegalStateException(
          found + " --version printed no version ('" + version.strip() + "'); " + INSTALL_HINT);
    }
    if (Integer.parseInt(m.group(1)) < MINIMUM_MAJOR) {
      throw new IllegalStateException(
          found
              + " is Redis "
              + m.group(1)
              + "."
              + m.group(2)
              + ", no longer maintained; "
              + INSTALL_HINT);
    }
    return new RedisBinary(found.toString(), m.group(1) + "." + m.group(2) + "." + m.group(3));
  }

  private static String versionOf(Path binary) {
    try {
      Process p =
          new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(binary + " --version did not answer within 10 s");
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking " + binary + " for its version", e);
    }
  }
}
