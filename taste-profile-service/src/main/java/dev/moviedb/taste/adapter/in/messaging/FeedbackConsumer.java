package dev.moviedb.taste.adapter.in.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.consumption.DeadLetter;
import dev.moviedb.events.FeedbackGiven;
import dev.moviedb.taste.application.LearnFromFeedback;
import dev.moviedb.taste.application.StartupGate;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code user.feedback} a poll at a time (group {@code taste-profile-service-feedback})
 * and turns its likes and dislikes into watch events ({@link LearnFromFeedback}) once the catalogue
 * is read, so that their titles resolve. A record that cannot be read, or a like that cannot become
 * taste (no user, no title), goes to {@code user.feedback.dlq} with the reason, and the batch goes
 * on. A batch that fails because Kafka does not take its watch events is an outage: it waits and is
 * tried again ({@link OutageRetry}, readiness DOWN meanwhile), and its events keep their ids, so
 * nothing is applied twice.
 */
@ApplicationScoped
public class FeedbackConsumer {

  public static final String CHANNEL = "feedback";
  public static final String DEAD_LETTER_CHANNEL = "feedback-dlq";
  private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(60);
  private static final Logger LOG = Logger.getLogger(FeedbackConsumer.class);

  private final LearnFromFeedback learn;
  private final StartupGate gate;
  private final MutinyEmitter<byte[]> deadLetters;
  private final ObjectMapper json;
  private final OutageRetry outage;

  public FeedbackConsumer(
      LearnFromFeedback learn,
      StartupGate gate,
      @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<byte[]> deadLetters,
      ObjectMapper json,
      OutageRetry outage) {
    this.learn = learn;
    this.gate = gate;
    this.deadLetters = deadLetters;
    this.json = json;
    this.outage = outage;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, FeedbackGiven> records) throws InterruptedException {
    gate.awaitReady();
    outage.run(() -> learnBatch(records));
  }

  private void learnBatch(ConsumerRecords<String, FeedbackGiven> records) {
    List<Message<byte[]>> dead = new ArrayList<>();
    List<ConsumerRecord<String, FeedbackGiven>> all = new ArrayList<>(records.count());
    List<LearnFromFeedback.Received> batch = new ArrayList<>(records.count());
    for (ConsumerRecord<String, FeedbackGiven> r : records) {
      Optional<Message<byte[]>> unreadable = DeadLetter.ifUnreadable(r);
      all.add(r);
      if (unreadable.isPresent()) {
        dead.add(unreadable.get());
        batch.add(new LearnFromFeedback.Received(null, Instant.ofEpochMilli(r.timestamp())));
      } else {
        batch.add(new LearnFromFeedback.Received(r.value(), Instant.ofEpochMilli(r.timestamp())));
      }
    }
    LearnFromFeedback.Result result = learn.learn(batch);
    result
        .rejected()
        .forEach(
            (i, why) -> {
              ConsumerRecord<String, FeedbackGiven> r = all.get(i);
              dead.add(DeadLetter.rejected(r, bytes(r.value()), why));
            });
    if (!dead.isEmpty()) {
      Uni.join()
          .all(dead.stream().map(deadLetters::sendMessage).toList())
          .andFailFast()
          .await()
          .atMost(DEAD_LETTER_TIMEOUT);
      LOG.warnf(
          "feedback batch of %d records: %d sent to the dead-letter topic",
          records.count(), dead.size());
    }
    LOG.debugf(
        "feedback batch of %d records: %d watch events published",
        records.count(), result.published().size());
  }

  private byte[] bytes(FeedbackGiven feedback) {
    try {
      return feedback == null ? null : json.writeValueAsBytes(feedback);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
