package dev.moviedb.taste.application;

import dev.moviedb.events.Signal;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.WatchEventPublisher;
import dev.moviedb.taste.domain.EventIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Use case: one watch or rating event sent through the API. */
@ApplicationScoped
public class RecordEvent {

  private final WatchEventPublisher publisher;

  public RecordEvent(WatchEventPublisher publisher) {
    this.publisher = publisher;
  }

  /** Publishes the event; {@code occurredAt} defaults to now. Returns what was published. */
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
    Instant at = occurredAt == null ? Instant.now() : occurredAt;
    String titleKey = hasId ? "id:" + titleId.trim() : "title:" + title.trim();
    WatchRecorded event =
        new WatchRecorded(
            WatchRecorded.SCHEMA_VERSION,
            EventIds.of(userId, "api", titleKey, signal, at),
            userId,
            profile,
            hasId ? titleId.trim() : null,
            hasId ? null : title.trim(),
            signal,
            watchedSeconds,
            at,
            "api",
            null,
            null);
    publisher.publish(List.of(event));
    return event;
  }
}
