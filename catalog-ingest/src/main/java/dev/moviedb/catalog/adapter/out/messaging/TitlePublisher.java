package dev.moviedb.catalog.adapter.out.messaging;

import dev.moviedb.catalog.application.port.CataloguePublisher;
import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.catalogfiles.TitleMapping;
import dev.moviedb.events.TitlePublished;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Adapter: publishes to {@code catalog.titles} (key = title id) through an idempotent producer with
 * {@code acks=all}, and waits for every acknowledgement of a batch.
 */
@ApplicationScoped
public class TitlePublisher implements CataloguePublisher {

  public static final String CHANNEL = "catalog-titles-out";
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

  private final MutinyEmitter<Record<String, TitlePublished>> emitter;

  public TitlePublisher(
      @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
          MutinyEmitter<Record<String, TitlePublished>> emitter) {
    this.emitter = emitter;
  }

  @Override
  public void publish(List<CatalogTitle> titles) {
    Instant now = Instant.now();
    await(
        titles.stream()
            .map(t -> emitter.send(Record.of(t.titleId(), TitleMapping.toEvent(t, now))))
            .toList(),
        titles.size());
  }

  @Override
  public void remove(List<String> titleIds) {
    await(
        titleIds.stream()
            .map(id -> emitter.send(Record.<String, TitlePublished>of(id, null)))
            .toList(),
        titleIds.size());
  }

  private static void await(List<Uni<Void>> sends, int count) {
    if (sends.isEmpty()) {
      return;
    }
    try {
      Uni.join().all(sends).andCollectFailures().await().atMost(ACK_TIMEOUT);
    } catch (RuntimeException e) {
      throw new PublishFailedException(
          "Kafka did not acknowledge a batch of "
              + count
              + " catalogue records ("
              + rootMessage(e)
              + ").",
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
