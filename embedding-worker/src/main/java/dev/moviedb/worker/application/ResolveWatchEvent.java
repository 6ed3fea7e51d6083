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
 * cannot be found become unresolved signals (counted in a metric per source), never dropped. An
 * event the taste service could not apply is refused with {@link IllegalArgumentException}.
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

  /**
   * @throws IllegalArgumentException naming the problem, when the event has no id, user, signal or
   *     time, or names no title at all
   */
  public TasteSignalResolved resolve(WatchRecorded event) {
    check(event);
    Optional<String> titleId =
        !blank(event.titleId()) ? Optional.of(event.titleId()) : resolver.resolve(event.rawTitle());
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

  private static void check(WatchRecorded event) {
    if (event == null) {
      throw new IllegalArgumentException("empty watch event");
    }
    if (blank(event.eventId())) {
      throw new IllegalArgumentException("watch event without eventId");
    }
    String what = "watch event " + event.eventId();
    if (blank(event.userId())) {
      throw new IllegalArgumentException(what + " has no userId");
    }
    if (event.signal() == null) {
      throw new IllegalArgumentException(what + " has no signal");
    }
    if (event.occurredAt() == null) {
      throw new IllegalArgumentException(what + " has no occurredAt");
    }
    if (blank(event.titleId()) && blank(event.rawTitle())) {
      throw new IllegalArgumentException(what + " names no title (titleId or rawTitle)");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String sourceKind(String source) {
    if (source == null) {
      return "unknown";
    }
    int colon = source.indexOf(':');
    return colon < 0 ? source : source.substring(0, colon);
  }
}
