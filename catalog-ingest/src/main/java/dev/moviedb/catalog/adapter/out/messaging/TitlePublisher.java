package dev.moviedb.catalog.adapter.out.messaging;

import dev.moviedb.catalog.application.port.CataloguePublisher;
import dev.moviedb.catalog.domain.CatalogWork;
import dev.moviedb.catalog.domain.WorkMember;
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
 * Adapter: publishes to {@code catalog.titles} (key = title id) and {@code catalog.works} (key =
 * work id) through idempotent producers with {@code acks=all}, and waits for every acknowledgement
 * of a batch.
 */
@ApplicationScoped
public class TitlePublisher implements CataloguePublisher {

  public static final String CHANNEL = "catalog-titles-out";
  public static final String WORKS_CHANNEL = "catalog-works-out";
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

  private final MutinyEmitter<Record<String, TitlePublished>> titles;
  private final MutinyEmitter<Record<String, TitlePublished>> works;

  public TitlePublisher(
      @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
          MutinyEmitter<Record<String, TitlePublished>> titles,
      @Channel(WORKS_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
          MutinyEmitter<Record<String, TitlePublished>> works) {
    this.titles = titles;
    this.works = works;
  }

  @Override
  public void publish(List<WorkMember> members) {
    Instant now = Instant.now();
    await(
        members.stream()
            .map(
                m ->
                    titles.send(
                        Record.of(
                            m.titleId(),
                            TitleMapping.toEvent(m.title(), m.workId(), List.of(), now))))
            .toList(),
        members.size(),
        "catalogue");
  }

  @Override
  public void remove(List<String> titleIds) {
    await(
        titleIds.stream()
            .map(id -> titles.send(Record.<String, TitlePublished>of(id, null)))
            .toList(),
        titleIds.size(),
        "catalogue");
  }

  @Override
  public void publishWorks(List<CatalogWork> merged) {
    Instant now = Instant.now();
    await(
        merged.stream()
            .map(
                w ->
                    works.send(
                        Record.of(
                            w.workId(),
                            TitleMapping.toEvent(w.record(), w.workId(), w.memberIds(), now))))
            .toList(),
        merged.size(),
        "work");
  }

  @Override
  public void removeWorks(List<String> workIds) {
    await(
        workIds.stream()
            .map(id -> works.send(Record.<String, TitlePublished>of(id, null)))
            .toList(),
        workIds.size(),
        "work");
  }

  private static void await(List<Uni<Void>> sends, int count, String kind) {
    if (sends.isEmpty()) {
      return;
    }
    try {
      Uni.join().all(sends).andCollectFailures().await().atMost(ACK_TIMEOUT);
    } catch (RuntimeException e) {
      throw new PublishFailedException(
          "Kafka did not acknowledge a batch of "
              + count
              + " "
              + kind
              + " records ("
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
