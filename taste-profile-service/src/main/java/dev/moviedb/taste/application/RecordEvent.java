package dev.moviedb.taste.application;

import dev.moviedb.events.Signal;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.WatchEventPublisher;
import dev.moviedb.taste.domain.EventIds;
import dev.moviedb.taste.domain.EventTimes;
import dev.moviedb.taste.domain.ResolvedTitle;
import dev.moviedb.taste.domain.TitleResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use case: one watch or rating event sent through the API, resolved before it is published. */
@ApplicationScoped
public class RecordEvent {

  private final WatchEventPublisher publisher;
  private final TitleResolver resolver;
  private final StartupGate gate;

  public RecordEvent(WatchEventPublisher publisher, TitleResolver resolver, StartupGate gate) {
    this.publisher = publisher;
    this.resolver = resolver;
    this.gate = gate;
  }

  /**
   * Publishes the event; {@code occurredAt} defaults to now. A {@code titleId} must be a catalogue
   * title; a {@code title} string is resolved if the catalogue holds it, else kept until it does.
   * Returns what was published.
   */
  public WatchRecorded record(
      String userId,
      String titleId,
      String title,
      Signal signal,
      Instant occurredAt,
      Long watchedSeconds,
      String profile) {
    ImportHistory.requireUser(userId);
    boolean hasId = titleId != null && !titleId.isBlank();
    boolean hasTitle = title != null && !title.isBlank();
    if (!hasId && !hasTitle) {
      throw new IllegalArgumentException("give titleId (a catalogue id) or title (a title string)");
    }
    if (signal == null) {
      throw new IllegalArgumentException("signal is missing");
    }
    if (watchedSeconds != null && watchedSeconds < 0) {
      throw new IllegalArgumentException("watchedSeconds must be >= 0");
    }
    Optional<ResolvedTitle> resolved;
    if (hasId) {
      if (!gate.isCatalogueLoaded()) {
        throw new CatalogueLoadingException(
            "the catalogue is still being read; send the event again in a few seconds");
      }
      resolved = resolver.byId(titleId);
      if (resolved.isEmpty()) {
        throw new IllegalArgumentException(
            "titleId '" + titleId.strip() + "' is not in the catalogue");
      }
    } else {
      resolved = resolver.resolve(title);
    }
    Instant now = Instant.now();
    Instant at = occurredAt == null ? now : occurredAt;
    EventTimes.problem(at, now)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("occurredAt " + at + " " + p);
            });
    String titleKey = hasId ? "id:" + titleId.trim() : "title:" + title.trim();
    WatchRecorded event =
        new WatchRecorded(
            WatchRecorded.SCHEMA_VERSION,
            EventIds.of(userId, "api", titleKey, signal, at),
            userId,
            profile,
            null,
            hasId ? null : title.trim(),
            signal,
            watchedSeconds,
            at,
            "api",
            null,
            null,
            null);
    WatchRecorded published = resolved.map(t -> t.applyTo(event)).orElse(event);
    publisher.publish(List.of(published));
    return published;
  }
}
