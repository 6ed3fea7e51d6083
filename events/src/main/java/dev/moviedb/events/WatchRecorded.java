package dev.moviedb.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One thing a user did with a title, published on {@link Topics#WATCH_EVENTS} with the user id as
 * key. The service that reads the source (an export, an API call) resolves the title against the
 * catalogue before publishing: {@code titleId} is the catalogue title, or null when the title
 * string ({@code rawTitle}, kept as the source wrote it) names no catalogue title yet. Such an
 * event is published again, with the same {@code eventId} and its {@code titleId}, once the
 * catalogue gains the title. No vector travels with an event.
 *
 * <p>Schema 2 added {@code title} and {@code genres}; events of schema 1 may carry a raw title
 * only, left for the consumer to resolve.
 *
 * @param eventId deterministic id derived from the source row, so that a re-import is a no-op
 * @param titleId the catalogue title, when resolved
 * @param rawTitle the title string as the source wrote it (e.g. a Netflix history line), if any
 * @param watchedSeconds how long the session lasted, when the source says so
 * @param source where the event came from, e.g. {@code NetflixViewingHistory.csv:12}
 * @param title the catalogue name of {@code titleId} when it was resolved (schema 2)
 * @param genres the catalogue genres of {@code titleId} when it was resolved (schema 2)
 * @param watchedOn the service and country where it was watched, when the source says so (schema 2;
 *     readers accept its absence)
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
    String title,
    List<String> genres,
    WatchedOn watchedOn) {

  public static final int SCHEMA_VERSION = 2;
}
