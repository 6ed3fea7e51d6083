package dev.moviedb.testing;

import dev.moviedb.infra.EmbeddedKafka;
import dev.moviedb.infra.EmbeddedRedis;
import dev.moviedb.infra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one Kafka broker and the one Redis server of a test JVM, started on free ports the first time
 * a test asks for them and stopped when the JVM exits.
 */
public final class SharedInfra {

  private static EmbeddedKafka kafka;
  private static EmbeddedRedis redis;

  private SharedInfra() {}

  public static synchronized EmbeddedKafka kafka() {
    if (kafka == null) {
      Path dir = tempDir("kafka");
      kafka = new EmbeddedKafka(FreePorts.next(), FreePorts.next(), dir.resolve("logs")).start();
      Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-test-kafka"));
    }
    return kafka;
  }

  public static synchronized EmbeddedRedis redis() {
    if (redis == null) {
      redis = new EmbeddedRedis(FreePorts.next(), null).start();
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
