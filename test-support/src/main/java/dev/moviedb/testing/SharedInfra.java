package dev.moviedb.testing;

import dev.moviedb.infra.EmbeddedKafka;
import dev.moviedb.infra.FreePorts;
import dev.moviedb.infra.LocalRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one Kafka broker and the one Redis server of a test JVM, started on free loopback ports the
 * first time a test asks for them and stopped when the JVM exits. Redis is the machine's
 * redis-server (7 or later), in a temporary directory.
 */
public final class SharedInfra {

  private static EmbeddedKafka kafka;
  private static LocalRedis redis;

  private SharedInfra() {}

  public static synchronized EmbeddedKafka kafka() {
    if (kafka == null) {
      Path dir = tempDir("kafka");
      kafka = new EmbeddedKafka(FreePorts.next(), FreePorts.next(), dir.resolve("logs")).start();
      Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-test-kafka"));
    }
    return kafka;
  }

  public static synchronized LocalRedis redis() {
    if (redis == null) {
      redis = new LocalRedis(FreePorts.next(), tempDir("redis")).start();
      Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "stop-test-redis"));
    }
    return redis;
  }

  private static Path tempDir(String name) {
    try {
      return Files.createTempDirectory("moviedb-test-" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
