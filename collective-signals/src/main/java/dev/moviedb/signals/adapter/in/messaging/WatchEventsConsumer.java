package dev.moviedb.signals.adapter.in.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.signals.application.ApplyWatchEvents;
import dev.moviedb.signals.domain.Intake;
import dev.moviedb.signals.domain.Intake.Decision;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code user.watch-events} (key = user id) in batches, with its own consumer group, and
 * lets the offsets be committed only after the batch is in Redis.
 *
 * <p>A record that can never be used (its value unreadable, or an event missing what it needs, or
 * keyed by another user) goes to {@code user.watch-events.dlq} with the reason; the others of the
 * batch are applied. A record without a value (a tombstone) erases the user's contributions. When
 * Redis or the broker is down the batch waits and is tried again ({@link OutageRetry}); Kafka then
 * pauses the partitions, readiness is DOWN, and nothing is dead-lettered. The dead letters are
 * awaited after the batch is applied, so a crash in between sends them again with the redelivered
 * batch, which applies as a no-op.
 */
@ApplicationScoped
public class WatchEventsConsumer {

  public static final String CHANNEL = "watch-events";
  public static final String DEAD_LETTER_CHANNEL = "watch-events-dlq";
  private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(60);
  private static final Logger LOG = Logger.getLogger(WatchEventsConsumer.class);

  private final ApplyWatchEvents apply;
  private final MutinyEmitter<byte[]> deadLetters;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final String group;
  private final OutageRetry outage;

  public WatchEventsConsumer(
      ApplyWatchEvents apply,
      @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<byte[]> deadLetters,
      ObjectMapper json,
      MeterRegistry metrics,
      @ConfigProperty(name = "mp.messaging.incoming.watch-events.group.id") String group,
      OutageRetry outage) {
    this.apply = apply;
    this.deadLetters = deadLetters;
    this.json = json;
    this.metrics = metrics;
    this.group = group;
    this.outage = outage;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, WatchRecorded> records) {
    int failedTries = outage.run(() -> applyBatch(records));
    metrics.counter("moviedb.signals.redis.retries").increment(failedTries);
  }

  private void applyBatch(ConsumerRecords<String, WatchRecorded> records) {
    List<Message<byte[]>> dead = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>(records.count());
    Instant now = Instant.now();
    for (ConsumerRecord<String, WatchRecorded> r : records) {
      if (DeadLetter.unreadable(r)) {
        dead.add(DeadLetter.unreadable(r, group));
        continue;
      }
      try {
        decisions.add(Intake.read(r.key(), r.value(), now));
      } catch (IllegalArgumentException e) {
        dead.add(DeadLetter.rejected(r, bytes(r.value()), e, group));
      }
    }
    ApplyWatchEvents.Result result = apply.apply(decisions);
    if (!dead.isEmpty()) {
      Uni.join()
          .all(dead.stream().map(deadLetters::sendMessage).toList())
          .andFailFast()
          .await()
          .atMost(DEAD_LETTER_TIMEOUT);
      LOG.warnf(
          "watch-event batch of %d records: %d sent to the dead-letter topic",
          records.count(), dead.size());
    }
    metrics.counter("moviedb.signals.events", "outcome", "counted").increment(result.counted());
    metrics.counter("moviedb.signals.events", "outcome", "ignored").increment(result.ignored());
    metrics.counter("moviedb.signals.events", "outcome", "erased").increment(result.erased());
    metrics.counter("moviedb.signals.events", "outcome", "dead-lettered").increment(dead.size());
  }

  private byte[] bytes(WatchRecorded event) {
    try {
      return event == null ? null : json.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
