package dev.moviedb.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server for tests: the machine's {@code redis-server} (7 or later, see {@link
 * RedisBinary}) as a child process on a loopback port, with its files in a directory of its own and
 * no persistence. {@link #close()} stops it.
 */
public final class LocalRedis implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final String host;
  private final int port;
  private final Path dir;
  private Process process;

  /** A server on 127.0.0.1. */
  public LocalRedis(int port, Path dir) {
    this(Loopback.ADDRESS, port, dir);
  }

  public LocalRedis(String host, int port, Path dir) {
    this.host = host;
    this.port = port;
    this.dir = dir;
  }

  public String url() {
    return "redis://" + Loopback.connectHost(host) + ":" + port;
  }

  public int port() {
    return port;
  }

  public LocalRedis start() {
    String binary = RedisBinary.onPath().path();
    Path log = dir.resolve("redis.log");
    try {
      Files.createDirectories(dir);
      process =
          new ProcessBuilder(
                  List.of(
                      binary,
                      "--port",
                      String.valueOf(port),
                      "--bind",
                      host,
                      "--dir",
                      dir.toAbsolutePath().toString(),
                      "--save",
                      "",
                      "--appendonly",
                      "no",
                      "--daemonize",
                      "no"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary + " on port " + port, e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException(
            "redis-server did not start on port " + port + ": " + tail(log));
      }
      sleep(50);
    }
    return this;
  }

  /** Whether the server answers PING with PONG. */
  public boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(Loopback.connectHost(host), port), 500);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readNBytes(7);
      return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Redis was starting", e);
    }
  }
}
