package dev.moviedb.cli.stack;

import dev.moviedb.cli.CliException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the processes of the local stack are, as {@code bin/moviedb} (their one owner) tells this
 * JVM through system properties:
 *
 * <ul>
 *   <li>{@code moviedb.host}: the address clients connect to (default 127.0.0.1);
 *   <li>{@code moviedb.ports}: {@code name=port} pairs, comma-separated, one per process;
 *   <li>{@code moviedb.script}: {@code bin/moviedb} itself, which starts and stops processes;
 *   <li>{@code moviedb.logs}: the directory of the processes' logs;
 *   <li>{@code moviedb.model-file}: the file naming the model of the stack's live index;
 *   <li>{@code moviedb.issuer}: the local issuer's key directory, with which commands sign their
 *       own bearer tokens.
 * </ul>
 *
 * @param host address of every process
 * @param ports port of each process by name ({@code catalog-ingest}, {@code kafka}, ...)
 * @param script {@code bin/moviedb}, or null when run without it
 * @param logs log directory, or null
 * @param modelFile the live model's file, or null
 * @param issuer the local issuer's key directory, or null (then requests carry no token)
 */
public record Stack(
    String host, Map<String, Integer> ports, Path script, Path logs, Path modelFile, Path issuer) {

  public static final String CATALOG_INGEST = "catalog-ingest";
  public static final String EMBEDDING_WORKER = "embedding-worker";
  public static final String REEMBED_WORKER = "embedding-worker-reembed";
  public static final String TASTE_PROFILE_SERVICE = "taste-profile-service";
  public static final String RECOMMEND_API = "recommend-api";
  public static final String KAFKA = "kafka";
  public static final String REDIS = "redis";

  public Stack {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    ports = Map.copyOf(ports);
  }

  /** A stack without a local issuer: its commands send no token. */
  public Stack(String host, Map<String, Integer> ports, Path script, Path logs, Path modelFile) {
    this(host, ports, script, logs, modelFile, null);
  }

  /** The stack {@code bin/moviedb} describes in this JVM's system properties. */
  public static Stack fromSystemProperties() {
    String script = System.getProperty("moviedb.script");
    String logs = System.getProperty("moviedb.logs");
    String modelFile = System.getProperty("moviedb.model-file");
    String issuer = System.getProperty("moviedb.issuer");
    return new Stack(
        System.getProperty("moviedb.host", "127.0.0.1"),
        parsePorts(System.getProperty("moviedb.ports", "")),
        script == null ? null : Path.of(script),
        logs == null ? null : Path.of(logs),
        modelFile == null ? null : Path.of(modelFile),
        issuer == null ? null : Path.of(issuer));
  }

  /** Parses {@code name=port,name=port}. */
  public static Map<String, Integer> parsePorts(String spec) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      try {
        ports.put(parts[0].strip(), Integer.parseInt(parts[1].strip()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("moviedb.ports: '" + pair + "' is not name=port", e);
      }
    }
    return ports;
  }

  /** The port of a process. */
  public int port(String process) {
    Integer port = ports.get(process);
    if (port == null) {
      throw new CliException(
          "the port of "
              + process
              + " is unknown: run this command through bin/moviedb, which passes every port");
    }
    return port;
  }

  /** {@code host:port} of a process. */
  public String address(String process) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port(process);
  }

  /** The log file of a process, as a hint for error messages. */
  public String logOf(String process) {
    return logs == null ? process + "'s log" : logs.resolve(process + ".log").toString();
  }
}
