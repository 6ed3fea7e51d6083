package dev.moviedb.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.moviedb.cli.stack.Stack;
import dev.moviedb.cli.stack.StackClient;
import dev.moviedb.events.Signal;
import dev.moviedb.events.TasteSignalResolved;
import dev.moviedb.events.Topics;
import dev.moviedb.vectors.Vectors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the taste-profile-service alone: writes resolved taste signals (random unit vectors of
 * 384 dimensions) straight to {@code user.taste-signals} of a running stack, then times until every
 * user's profile counts all of them.
 */
@Command(
    name = "signals",
    mixinStandardHelpOptions = true,
    description =
        "Taste updates/s from user.taste-signals into Redis: writes resolved signals straight to"
            + " the topic, then times until every profile counts them.")
public final class TasteSignalBenchmark implements Callable<Integer> {

  @Option(names = "--signals", defaultValue = "6000", description = "signals to write")
  int signals;

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
    String kafka = stack.address(Stack.KAFKA);
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Random random = new Random(3);
    String run = "bench-signals-" + System.currentTimeMillis();
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.LINGER_MS_CONFIG, 5),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < signals; i++) {
        String user = run + "-" + (i % users);
        float[] v = new float[384];
        for (int d = 0; d < v.length; d++) {
          v[d] = (float) random.nextGaussian();
        }
        TasteSignalResolved s =
            new TasteSignalResolved(
                TasteSignalResolved.SCHEMA_VERSION,
                run + "-e" + i,
                user,
                null,
                true,
                "netflix:s" + (1 + random.nextInt(8807)),
                "bench",
                null,
                List.of("Dramas"),
                i % 7 == 0 ? Signal.DISLIKED : Signal.WATCHED,
                1800L,
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 60L),
                "bench",
                "bge-small-en-v1.5-q",
                Vectors.normalize(v));
        producer.send(new ProducerRecord<>(Topics.TASTE_SIGNALS, user, json.writeValueAsBytes(s)));
      }
    }
    double produced = (System.nanoTime() - start) / 1e9;
    long applied = 0;
    while (applied < signals && System.nanoTime() - start < 600e9) {
      Thread.sleep(100);
      applied = 0;
      for (int u = 0; u < users; u++) {
        StackClient.Answer r =
            client.send(
                Stack.TASTE_PROFILE_SERVICE,
                StackClient.get(
                    client.uri(
                        Stack.TASTE_PROFILE_SERVICE, "/v1/users/" + run + "-" + u + "/profile")));
        if (r.status() == 200) {
          for (JsonNode count : json.readTree(r.body()).path("counts")) {
            applied += count.asLong();
          }
        }
      }
    }
    double total = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%d signals for %d users produced in %.2f s, all applied to Redis after %.2f s: %.0f"
            + " taste updates/s%n",
        signals, users, produced, total, applied / total);
    return applied >= signals ? 0 : 1;
  }
}
