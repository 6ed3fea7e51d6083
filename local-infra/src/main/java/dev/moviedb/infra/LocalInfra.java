package dev.moviedb.infra;

import dev.moviedb.identity.LocalIssuer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line entry point used by {@code bin/moviedb}: runs a Kafka broker in the foreground until
 * the process is told to stop, and names the Redis server the local stack runs.
 */
@Command(
    name = "local-infra",
    mixinStandardHelpOptions = true,
    description = "Runs MovieDB's local infrastructure without Docker.",
    subcommands = {LocalInfra.Kafka.class, LocalInfra.RedisServer.class, LocalInfra.Issuer.class})
public final class LocalInfra {

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new LocalInfra());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          commandLine.getErr().println("moviedb: " + e.getMessage());
          return 1;
        });
    System.exit(cli.execute(args));
  }

  @Command(name = "kafka", description = "A single-node Kafka broker in KRaft mode.")
  static final class Kafka implements Callable<Integer> {
    @Option(
        names = "--host",
        defaultValue = Loopback.ADDRESS,
        description = "address of the client listener (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "9092", description = "client port")
    int port;

    @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft port")
    int controllerPort;

    @Option(names = "--data", required = true, description = "log directory")
    Path data;

    @Override
    public Integer call() throws InterruptedException {
      EmbeddedKafka kafka = new EmbeddedKafka(host, port, controllerPort, data).start();
      System.out.println("Kafka broker ready on " + kafka.bootstrapServers());
      runUntilStopped(kafka);
      return 0;
    }
  }

  @Command(
      name = "redis-server",
      description =
          "Prints the path of the machine's redis-server if it is Redis "
              + RedisBinary.MINIMUM_MAJOR
              + " or later; otherwise says how to install one and exits with 1.")
  static final class RedisServer implements Callable<Integer> {
    @Override
    public Integer call() {
      System.out.println(RedisBinary.onPath().path());
      return 0;
    }
  }

  @Command(
      name = "issuer",
      description =
          "Makes the local token issuer's key pair in --dir on first use, and prints its public"
              + " key (base64 X.509), as the services' quarkus.oidc.public-key takes it.")
  static final class Issuer implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "the issuer's key directory")
    Path dir;

    @Override
    public Integer call() {
      System.out.println(LocalIssuer.createOrLoad(dir).publicKeyBase64());
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
