package dev.moviedb.taste.domain;

import dev.moviedb.events.WatchRecorded;
import java.util.List;
import java.util.Objects;

/**
 * The catalogue title a watch event resolves to.
 *
 * @param id what the user's history is kept under (see {@link CatalogueEntry#of})
 * @param name the catalogue name, shown in the profile
 */
public record ResolvedTitle(String id, String name, List<String> genres) {

  public ResolvedTitle {
    Objects.requireNonNull(id, "id");
    name = name == null ? "" : name;
    genres = genres == null ? List.of() : List.copyOf(genres);
  }

  /** The event, resolved to this title; its id, raw title and everything else unchanged. */
  public WatchRecorded applyTo(WatchRecorded event) {
    return new WatchRecorded(
        WatchRecorded.SCHEMA_VERSION,
        event.eventId(),
        event.userId(),
        event.profile(),
        id,
        event.rawTitle(),
        event.signal(),
        event.watchedSeconds(),
        event.occurredAt(),
        event.source(),
        name,
        genres,
        event.watchedOn());
  }
}
