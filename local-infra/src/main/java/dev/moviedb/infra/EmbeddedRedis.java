package dev.moviedb.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary that ships inside the embedded-redis artifact) on a local port.
 * With a data directory it persists to an append-only file there, so a restarted local stack keeps
 * every user's taste.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private final int port;
  private final Path dataDir;
  private RedisServer server;

  public EmbeddedRedis(int port, Path dataDir) {
    this.port = port;
    this.dataDir = dataDir;
  }

  public String url() {
    return "redis://localhost:" + port;
  }

  public EmbeddedRedis start() {
    try {
      var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1");
      if (dataDir != null) {
        Files.createDirectories(dataDir);
        builder
            .setting("dir " + dataDir.toAbsolutePath())
            .setting("appendonly yes")
            .setting("appendfsync everysec");
      } else {
        builder.setting("save \"\"").setting("appendonly no");
      }
      server = builder.build();
      server.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Redis on port " + port, e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.stop();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stop Redis on port " + port, e);
      }
      server = null;
    }
  }
}
