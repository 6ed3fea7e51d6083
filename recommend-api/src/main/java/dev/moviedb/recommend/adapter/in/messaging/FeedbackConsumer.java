package dev.moviedb.recommend.adapter.in.messaging;

import dev.moviedb.events.FeedbackGiven;
import dev.moviedb.recommend.application.MeasureAcceptance;
import dev.moviedb.recommend.application.MeasureAcceptance.Received;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code user.feedback} a poll at a time (group {@code recommend-api-acceptance}) and
 * counts it per variant. Offsets are committed after the batch is counted; the store skips what it
 * counted before, so a batch delivered again counts nothing twice. An unreadable record counts for
 * nothing (taste-profile-service, the other reader of the topic, sends it to the dead-letter topic
 * with the reason). An exception escaping here means Redis does not answer: the channel fails,
 * {@code /q/health/live} turns DOWN, and the batch comes again after the restart.
 */
@ApplicationScoped
public class FeedbackConsumer {

  public static final String CHANNEL = "feedback-acceptance";
  private static final Logger LOG = Logger.getLogger(FeedbackConsumer.class);

  private final MeasureAcceptance measure;

  public FeedbackConsumer(MeasureAcceptance measure) {
    this.measure = measure;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, FeedbackGiven> records) {
    List<Received> batch = new ArrayList<>(records.count());
    for (ConsumerRecord<String, FeedbackGiven> r : records) {
      batch.add(new Received(r.topic() + "/" + r.partition(), r.offset(), r.value()));
    }
    int counted = measure.count(batch);
    if (counted < batch.size()) {
      LOG.debugf(
          "feedback batch of %d records: %d counted (the rest counted before, or unreadable)",
          batch.size(), counted);
    }
  }
}
