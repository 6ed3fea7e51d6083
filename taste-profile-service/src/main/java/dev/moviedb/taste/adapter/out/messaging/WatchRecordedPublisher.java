package dev.moviedb.taste.adapter.out.messaging;

import dev.moviedb.events.Topics;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.ErasurePublisher;
import dev.moviedb.taste.application.port.WatchEventPublisher;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Adapter: publishes to {@code user.watch-events} (key = user id) through an idempotent producer
 * with {@code acks=all}, in chunks, waiting for every acknowledgement; an erasure is a tombstone on
 * the user's key with the erasure time in a header.
 */
@ApplicationScoped
public class WatchRecordedPublisher implements WatchEventPublisher, ErasurePublisher {

  public static final String CHANNEL = "watch-events-out";
  private static final int CHUNK = 1024;
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

  private final MutinyEmitter<Record<String, WatchRecorded>> emitter;

  public WatchRecordedPublisher(
      @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
          MutinyEmitter<Record<String, WatchRecorded>> emitter) {
    this.emitter = emitter;
  }

  @Override
  public void publish(List<WatchRecorded> events) {
    for (int from = 0; from < events.size(); from += CHUNK) {
      List<WatchRecorded> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
      List<Uni<Void>> sends =
          chunk.stream().map(e -> emitter.send(Record.of(e.userId(), e))).toList();
      try {
        Uni.join().all(sends).andCollectFailures().await().atMost(ACK_TIMEOUT);
      } catch (RuntimeException e) {
        throw new PublishFailedException(
            "Kafka did not acknowledge "
                + chunk.size()
                + " watch events ("
                + from
                + " were published before; uploading the file again is safe): "
                + rootMessage(e),
            e);
      }
    }
  }

  @Override
  public void publishErasure(String userId, Instant at) {
    Headers headers =
        new RecordHeaders()
            .add(
                Topics.ERASED_AT_HEADER,
                Long.toString(at.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
    Message<Record<String, WatchRecorded>> tombstone =
        Message.of(Record.<String, WatchRecorded>of(userId, null))
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers).build());
    try {
      emitter.sendMessage(tombstone).await().atMost(ACK_TIMEOUT);
    } catch (RuntimeException e) {
      throw new PublishFailedException(
          "user "
              + userId
              + " was erased from the taste state, but Kafka did not acknowledge the erasure"
              + " tombstone for the other consumers; erase again: "
              + rootMessage(e),
          e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
