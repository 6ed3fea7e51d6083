package dev.moviedb.worker.adapter.in.messaging;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.worker.application.IndexCatalogue;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code catalog.titles} in batches (so the model embeds many texts at once) and commits
 * offsets only after the batch is in the vector store.
 */
@ApplicationScoped
public class CatalogTitlesConsumer {

  public static final String CHANNEL = "catalog-titles";
  private static final Logger LOG = Logger.getLogger(CatalogTitlesConsumer.class);

  private final IndexCatalogue indexCatalogue;

  public CatalogTitlesConsumer(IndexCatalogue indexCatalogue) {
    this.indexCatalogue = indexCatalogue;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(ConsumerRecords<String, TitlePublished> records) {
    Map<String, TitlePublished> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, TitlePublished> r : records) {
      latest.remove(r.key());
      latest.put(r.key(), r.value());
    }
    IndexCatalogue.Result result = indexCatalogue.apply(latest);
    LOG.debugf("catalogue batch of %d records: %s", records.count(), result);
  }
}
