package dev.moviedb.infra;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line entry point used by {@code bin/moviedb}: runs a Kafka broker or a Redis server in
 * the foreground until the process is told to stop.
 */
@Command(
    name = "local-infra",
    mixinStandardHelpOptions = true,
    description = "Runs MovieDB's local infrastructure without Docker.",
    subcommands = {LocalInfra.Kafka.class, LocalInfra.Redis.class})
public final class LocalInfra {

  public static void main(String[] args) {
    System.exit(new CommandLine(new LocalInfra()).execute(args));
  }

  @Command(name = "kafka", description = "A single-node Kafka broker in KRaft mode.")
  static final class Kafka implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "client port")
    int port;

    @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft port")
    int controllerPort;

    @Option(names = "--data", required = true, description = "log directory")
    Path data;

    @Override
    public Integer call() throws InterruptedException {
      EmbeddedKafka kafka = new EmbeddedKafka(port, controllerPort, data).start();
      System.out.println("Kafka broker ready on " + kafka.bootstrapServers());
      runUntilStopped(kafka);
      return 0;
    }
  }

  @Command(name = "redis", description = "A Redis server with append-only persistence.")
  static final class Redis implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "6379", description = "client port")
    int port;

    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Override
    public Integer call() throws InterruptedException {
      EmbeddedRedis redis = new EmbeddedRedis(port, data).start();
      System.out.println("Redis ready on " + redis.url());
      runUntilStopped(redis);
      return 0;
    }
  }

  private static void runUntilStopped(AutoCloseable server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception e) {
                    System.err.println("error while stopping: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                }));
    stopped.await();
  }
}
