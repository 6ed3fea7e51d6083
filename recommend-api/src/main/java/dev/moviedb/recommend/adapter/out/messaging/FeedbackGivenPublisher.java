package dev.moviedb.recommend.adapter.out.messaging;

import dev.moviedb.events.FeedbackGiven;
import dev.moviedb.problems.DependencyUnavailableException;
import dev.moviedb.recommend.application.port.FeedbackPublisher;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Adapter: publishes feedback to {@code user.feedback} (key = user id; none for someone not signed
 * in) through an idempotent producer with {@code acks=all}, waiting for every acknowledgement: the
 * caller learns that the feedback is kept, or gets a 503.
 */
@ApplicationScoped
public class FeedbackGivenPublisher implements FeedbackPublisher {

  public static final String CHANNEL = "feedback-out";
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

  private final MutinyEmitter<Record<String, FeedbackGiven>> emitter;

  public FeedbackGivenPublisher(
      @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<Record<String, FeedbackGiven>> emitter) {
    this.emitter = emitter;
  }

  @Override
  public void publish(List<FeedbackGiven> feedback) {
    List<Uni<Void>> sends =
        feedback.stream().map(f -> emitter.send(Record.of(f.userId(), f))).toList();
    try {
      Uni.join().all(sends).andCollectFailures().await().atMost(ACK_TIMEOUT);
    } catch (RuntimeException e) {
      throw new DependencyUnavailableException(
          "Kafka",
          "the feedback could not be kept (Kafka did not acknowledge it); send it again",
          e);
    }
  }
}
