package dev.moviedb.taste.adapter.in.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.consumption.DeadLetter;
import dev.moviedb.events.Topics;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.ApplyWatchEvents;
import dev.moviedb.taste.application.ApplyWatchEvents.Received;
import dev.moviedb.taste.application.ManageProfiles;
import dev.moviedb.taste.application.StartupGate;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code user.watch-events} a poll at a time and applies each poll to Redis in one round
 * trip (one script per user). Offsets are committed after the batch is stored; applying a batch
 * again changes nothing, so redelivery after a crash is harmless. Nothing is applied before the
 * start-up gate opens (state upgraded, catalogue read).
 *
 * <p>A tombstone (the user's key, no value) is the user's erasure (docs/PRIVACY.md): the events
 * before it in the batch are applied, then the user's state is erased as of the erasure time, so a
 * replay of the topic ends with the user gone.
 *
 * <p>A record whose value is not a {@link WatchRecorded}, and an event that cannot be applied (no
 * id, user, signal, time or title), goes to {@code user.watch-events.dlq} with the reason, and its
 * batch goes on; those writes are acknowledged before the batch is. An outage is not poison: when
 * Redis or the broker does not answer, the whole batch waits and is tried again ({@link
 * OutageRetry}); consumption pauses and the service is not ready meanwhile.
 */
@ApplicationScoped
public class WatchEventsConsumer {

  public static final String CHANNEL = "watch-events";
  public static final String DEAD_LETTER_CHANNEL = "watch-events-dlq";
  private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(60);
  private static final Logger LOG = Logger.getLogger(WatchEventsConsumer.class);

  private final ApplyWatchEvents apply;
  private final ManageProfiles profiles;
  private final StartupGate gate;
  private final MutinyEmitter<byte[]> deadLetters;
  private final ObjectMapper json;
  private final OutageRetry outage;

  public WatchEventsConsumer(
      ApplyWatchEvents apply,
      ManageProfiles profiles,
      StartupGate gate,
      @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<byte[]> deadLetters,
      ObjectMapper json,
      OutageRetry outage) {
    this.apply = apply;
    this.profiles = profiles;
    this.gate = gate;
    this.deadLetters = deadLetters;
    this.json = json;
    this.outage = outage;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, WatchRecorded> records) throws InterruptedException {
    gate.awaitReady();
    outage.run(() -> applyBatch(records));
  }

  private void applyBatch(ConsumerRecords<String, WatchRecorded> records) {
    List<Message<byte[]>> dead = new ArrayList<>();
    List<ConsumerRecord<String, WatchRecorded>> readable = new ArrayList<>(records.count());
    List<Received> events = new ArrayList<>(records.count());
    int erasures = 0;
    for (ConsumerRecord<String, WatchRecorded> r : records) {
      Optional<Message<byte[]>> unreadable = DeadLetter.ifUnreadable(r);
      if (unreadable.isPresent()) {
        dead.add(unreadable.get());
      } else if (r.value() == null && r.key() != null) {
        // An erasure: what came before it on the partition is applied first, then forgotten.
        apply(readable, events, dead);
        profiles.eraseState(r.key(), erasedAt(r));
        erasures++;
      } else {
        readable.add(r);
        events.add(new Received(r.value(), Instant.ofEpochMilli(r.timestamp())));
      }
    }
    ApplyWatchEvents.Result result = apply(readable, events, dead);
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
    if (erasures > 0) {
      LOG.infof("watch-event batch of %d records: %d users erased", records.count(), erasures);
    }
    LOG.debugf("watch-event batch of %d records: %s", records.count(), result.applied());
  }

  /** Applies the events gathered so far and empties the lists; rejected ones become dead. */
  private ApplyWatchEvents.Result apply(
      List<ConsumerRecord<String, WatchRecorded>> readable,
      List<Received> events,
      List<Message<byte[]>> dead) {
    ApplyWatchEvents.Result result = apply.apply(events);
    result
        .rejected()
        .forEach(
            (i, why) -> {
              ConsumerRecord<String, WatchRecorded> r = readable.get(i);
              dead.add(DeadLetter.rejected(r, bytes(r.value()), why));
            });
    readable.clear();
    events.clear();
    return result;
  }

  /** The erasure time a tombstone carries, else the time it was published. */
  private static Instant erasedAt(ConsumerRecord<String, ?> tombstone) {
    Header at = tombstone.headers().lastHeader(Topics.ERASED_AT_HEADER);
    if (at != null) {
      try {
        return Instant.ofEpochMilli(
            Long.parseLong(new String(at.value(), StandardCharsets.US_ASCII).strip()));
      } catch (NumberFormatException e) {
        LOG.warnf("erasure tombstone with an unreadable %s header", Topics.ERASED_AT_HEADER);
      }
    }
    return Instant.ofEpochMilli(tombstone.timestamp());
  }

  private byte[] bytes(WatchRecorded event) {
    try {
      return event == null ? null : json.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
