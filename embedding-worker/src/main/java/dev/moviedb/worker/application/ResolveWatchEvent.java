package dev.moviedb.worker.application;

import dev.moviedb.events.TasteSignalResolved;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.worker.domain.TitleResolver;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Use case: turn a watch event into a taste signal carrying the title's vector. Events whose title
 * cannot be found become unresolved signals (counted in a metric per source), never dropped.
 */
@ApplicationScoped
public class ResolveWatchEvent {

  private final TitleResolver resolver;
  private final VectorStore store;
  private final TextEmbedder embedder;
  private final MeterRegistry metrics;

  public ResolveWatchEvent(
      TitleResolver resolver, VectorStore store, TextEmbedder embedder, MeterRegistry metrics) {
    this.resolver = resolver;
    this.store = store;
    this.embedder = embedder;
    this.metrics = metrics;
  }

  public TasteSignalResolved resolve(WatchRecorded event) {
    Optional<String> titleId =
        event.titleId() != null && !event.titleId().isBlank()
            ? Optional.of(event.titleId())
            : resolver.resolve(event.rawTitle());
    Optional<StoredTitle> title =
        titleId.flatMap(id -> Optional.ofNullable(store.get(List.of(id)).get(id)));
    if (title.isEmpty()) {
      metrics
          .counter("moviedb.worker.watch_events.unresolved", "source", sourceKind(event.source()))
          .increment();
      return new TasteSignalResolved(
          TasteSignalResolved.SCHEMA_VERSION,
          event.eventId(),
          event.userId(),
          event.profile(),
          false,
          null,
          null,
          event.rawTitle() != null ? event.rawTitle() : event.titleId(),
          null,
          event.signal(),
          event.watchedSeconds(),
          event.occurredAt(),
          event.source(),
          embedder.modelId(),
          null);
    }
    StoredTitle t = title.get();
    metrics.counter("moviedb.worker.watch_events.resolved").increment();
    return new TasteSignalResolved(
        TasteSignalResolved.SCHEMA_VERSION,
        event.eventId(),
        event.userId(),
        event.profile(),
        true,
        t.titleId(),
        t.title(),
        event.rawTitle(),
        t.genres(),
        event.signal(),
        event.watchedSeconds(),
        event.occurredAt(),
        event.source(),
        embedder.modelId(),
        t.vector());
  }

  private static String sourceKind(String source) {
    if (source == null) {
      return "unknown";
    }
    int colon = source.indexOf(':');
    return colon < 0 ? source : source.substring(0, colon);
  }
}
