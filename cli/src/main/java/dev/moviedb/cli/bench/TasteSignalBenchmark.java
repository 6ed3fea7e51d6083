package dev.moviedb.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.moviedb.cli.stack.Stack;
import dev.moviedb.cli.stack.StackClient;
import dev.moviedb.events.Signal;
import dev.moviedb.events.Topics;
import dev.moviedb.events.WatchRecorded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures how fast taste-profile-service applies watch events to Redis: writes resolved watch
 * events (as the service publishes them after resolving an upload) straight to {@code
 * user.watch-events} of a running stack, then times until every user's profile counts all of them.
 * Beside it, in the same run, the raw figure of the same Redis from {@code redis-benchmark} (Debian
 * package redis-tools): a pipelined {@code HINCRBYFLOAT}, the command that carries the weights.
 */
@Command(
    name = "signals",
    mixinStandardHelpOptions = true,
    description =
        "Watch events/s applied from user.watch-events into Redis: writes resolved events straight"
            + " to the topic, then times until every profile counts them; redis-benchmark's raw"
            + " figure beside it.")
public final class TasteSignalBenchmark implements Callable<Integer> {

  private static final Pattern PER_SECOND = Pattern.compile("([0-9.]+) requests per second");

  @Option(names = "--events", defaultValue = "30000", description = "events to write")
  int events;

  @Option(names = "--users", defaultValue = "12", description = "users they are spread over")
  int users;

  private final Stack stack;

  TasteSignalBenchmark(Stack stack) {
    this.stack = stack;
  }

  @Override
  public Integer call() throws Exception {
    StackClient client = new StackClient(stack);
    client.send(
        Stack.TASTE_PROFILE_SERVICE,
        StackClient.get(client.uri(Stack.TASTE_PROFILE_SERVICE, "/q/health")));
    String raw = redisRaw(stack.port(Stack.REDIS));
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Random random = new Random(3);
    String run = "bench-signals-" + System.currentTimeMillis();
    List<byte[]> values = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      int title = 1 + random.nextInt(8807);
      WatchRecorded e =
          new WatchRecorded(
              WatchRecorded.SCHEMA_VERSION,
              run + "-e" + i,
              run + "-" + (i % users),
              null,
              "netflix:s" + title,
              "Title " + title + ": Season 1: Episode " + (1 + i % 10),
              i % 7 == 0 ? Signal.DISLIKED : Signal.WATCHED,
              1800L,
              Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 60L),
              "bench",
              "Title " + title,
              List.of("Dramas", "International TV Shows"),
              null);
      values.add(json.writeValueAsBytes(e));
    }
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.address(Stack.KAFKA),
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < events; i++) {
        producer.send(
            new ProducerRecord<>(Topics.WATCH_EVENTS, run + "-" + (i % users), values.get(i)));
      }
    }
    double produced = (System.nanoTime() - start) / 1e9;
    long applied = 0;
    while (applied < events && System.nanoTime() - start < 600e9) {
      Thread.sleep(50);
      applied = 0;
      for (int u = 0; u < users; u++) {
        applied += profileEvents(client, run + "-" + u);
      }
    }
    double total = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%d watch events for %d users produced in %.2f s, all applied to Redis after %.2f s:"
            + " %.0f events/s applied (producer on the same machine)%n",
        events, users, produced, total, applied / total);
    System.out.println(raw);
    return applied >= events ? 0 : 1;
  }

  /** Events in a user's profile: counted per signal, or kept unresolved; 0 when none yet. */
  static long profileEvents(StackClient client, String user) throws IOException {
    StackClient.Answer r =
        client.send(
            Stack.TASTE_PROFILE_SERVICE,
            StackClient.get(
                client.uri(Stack.TASTE_PROFILE_SERVICE, "/v1/users/" + user + "/profile")));
    if (r.status() != 200) {
      return 0;
    }
    JsonNode p = StackClient.JSON.readTree(r.body());
    long seen = 0;
    for (JsonNode count : p.path("counts")) {
      seen += count.asLong();
    }
    for (JsonNode unresolved : p.path("unresolved")) {
      seen += unresolved.path("count").asLong();
    }
    return seen;
  }

  /**
   * redis-benchmark's raw figure for this Redis, measured now: 200,000 {@code HINCRBYFLOAT} in
   * pipelines of 16 from 50 clients, on a key of its own that is deleted afterwards. Says so when
   * redis-benchmark is not installed.
   */
  static String redisRaw(int port) throws InterruptedException {
    String key = "moviedb:bench:raw";
    try {
      String out =
          run(
              "redis-benchmark",
              "-p",
              String.valueOf(port),
              "-q",
              "-n",
              "200000",
              "-P",
              "16",
              "hincrbyfloat",
              key,
              "w",
              "1.5");
      run("redis-cli", "-p", String.valueOf(port), "DEL", key);
      Matcher m = PER_SECOND.matcher(out);
      String figure = m.find() ? m.group(1) : "?";
      return "raw Redis in the same run (redis-benchmark -P 16 -n 200000 HINCRBYFLOAT): "
          + figure
          + " requests/s";
    } catch (IOException e) {
      return "raw Redis: redis-benchmark is not installed (apt-get install redis-tools): "
          + e.getMessage();
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return out;
  }
}
