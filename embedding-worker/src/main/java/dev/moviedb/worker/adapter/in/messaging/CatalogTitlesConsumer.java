package dev.moviedb.worker.adapter.in.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.consumption.DeadLetter;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.worker.application.IndexCatalogue;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code catalog.works} (one record per work) in batches (so the model embeds many texts
 * at once) and commits offsets only after the batch is in the vector store.
 *
 * <p>A bad record never holds back the good ones of its batch: a record whose value cannot be read
 * as a {@link TitlePublished}, and a title the use case cannot index, are written to {@code
 * catalog.works.dlq} with the reason and their topic, partition and offset (see {@link
 * DeadLetter}); the others are indexed. Those writes are acknowledged by the broker before the
 * batch is, so a crash loses nothing: the batch comes again, indexing it again changes nothing, and
 * its bad records are dead-lettered again (tell the copies apart by {@code dead-letter-topic},
 * {@code -partition} and {@code -offset}). A null value without failure headers is a tombstone.
 *
 * <p>An outage is not poison: when the vector store, the model or the broker does not answer, the
 * whole batch waits and is tried again ({@link OutageRetry}); consumption pauses and the worker is
 * not ready meanwhile, and nothing good is dead-lettered.
 */
@ApplicationScoped
public class CatalogTitlesConsumer {

  public static final String CHANNEL = "catalog-titles";
  public static final String DEAD_LETTER_CHANNEL = "catalog-titles-dlq";
  private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(60);
  private static final Logger LOG = Logger.getLogger(CatalogTitlesConsumer.class);

  private final IndexCatalogue indexCatalogue;
  private final MutinyEmitter<byte[]> deadLetters;
  private final ObjectMapper json;
  private final OutageRetry outage;

  public CatalogTitlesConsumer(
      IndexCatalogue indexCatalogue,
      @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<byte[]> deadLetters,
      ObjectMapper json,
      OutageRetry outage) {
    this.indexCatalogue = indexCatalogue;
    this.deadLetters = deadLetters;
    this.json = json;
    this.outage = outage;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, TitlePublished> records) {
    outage.run(() -> apply(records));
  }

  private void apply(ConsumerRecords<String, TitlePublished> records) {
    List<Message<byte[]>> dead = new ArrayList<>();
    Map<String, ConsumerRecord<String, TitlePublished>> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, TitlePublished> r : records) {
      Optional<Message<byte[]>> unreadable = DeadLetter.ifUnreadable(r);
      if (unreadable.isPresent()) {
        dead.add(unreadable.get());
        continue;
      }
      try {
        IndexCatalogue.check(r.key(), r.value());
      } catch (IllegalArgumentException e) {
        dead.add(DeadLetter.rejected(r, bytes(r.value()), e));
        continue;
      }
      latest.remove(r.key());
      latest.put(r.key(), r);
    }
    Map<String, TitlePublished> titles = new LinkedHashMap<>();
    latest.forEach((id, r) -> titles.put(id, r.value()));
    IndexCatalogue.Result result = indexCatalogue.apply(titles);
    result
        .failed()
        .forEach(
            (id, why) -> {
              ConsumerRecord<String, TitlePublished> r = latest.get(id);
              dead.add(DeadLetter.rejected(r, bytes(r.value()), why));
            });
    if (!dead.isEmpty()) {
      Uni.join()
          .all(dead.stream().map(deadLetters::sendMessage).toList())
          .andFailFast()
          .await()
          .atMost(DEAD_LETTER_TIMEOUT);
      LOG.warnf(
          "catalogue batch of %d records: %d sent to the dead-letter topic",
          records.count(), dead.size());
    }
    LOG.debugf("catalogue batch of %d records: %s", records.count(), result);
  }

  private byte[] bytes(TitlePublished title) {
    try {
      return title == null ? null : json.writeValueAsBytes(title);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
