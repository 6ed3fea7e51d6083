package dev.moviedb.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One thing a user did with a title, published on {@link Topics#WATCH_EVENTS} with the user id as
 * key. Either {@code titleId} is known, or {@code rawTitle} holds the title string as the source
 * wrote it (e.g. a Netflix history line) and the embedding worker resolves it.
 *
 * @param eventId deterministic id derived from the source row, so that a re-import is a no-op
 * @param watchedSeconds how long the session lasted, when the source says so
 * @param source where the event came from, e.g. {@code NetflixViewingHistory.csv:12}
 * @param watchedOn the service and country where it was watched, when the source says so (optional,
 *     added in schema 1 as a trailing field; readers must accept its absence)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchRecorded(
    int schemaVersion,
    String eventId,
    String userId,
    String profile,
    String titleId,
    String rawTitle,
    Signal signal,
    Long watchedSeconds,
    Instant occurredAt,
    String source,
    WatchedOn watchedOn) {

  public static final int SCHEMA_VERSION = 1;

  /** An event whose source does not say where it was watched. */
  public WatchRecorded(
      int schemaVersion,
      String eventId,
      String userId,
      String profile,
      String titleId,
      String rawTitle,
      Signal signal,
      Long watchedSeconds,
      Instant occurredAt,
      String source) {
    this(
        schemaVersion,
        eventId,
        userId,
        profile,
        titleId,
        rawTitle,
        signal,
        watchedSeconds,
        occurredAt,
        source,
        null);
  }
}
