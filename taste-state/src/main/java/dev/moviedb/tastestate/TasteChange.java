package dev.moviedb.tastestate;

import dev.moviedb.events.Signal;
import dev.moviedb.events.WatchRecorded;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One watch event as it changes its user's taste state. Applying the same event again changes
 * nothing; a resolved event whose id was kept unresolved before takes the unresolved one's place.
 */
public sealed interface TasteChange {

  String userId();

  String eventId();

  /** When the event was published (its Kafka timestamp): compared with the user's erasure. */
  Instant publishedAt();

  Instant occurredAt();

  Signal signal();

  /**
   * An event resolved to a catalogue title.
   *
   * @param title the catalogue name of the title (empty when unknown)
   * @param genres the title's genres: the positive weight also counts for them
   */
  record Resolved(
      String userId,
      String eventId,
      Instant publishedAt,
      Instant occurredAt,
      Signal signal,
      String titleId,
      String title,
      List<String> genres,
      Contribution contribution)
      implements TasteChange {

    public Resolved {
      require(userId, eventId, publishedAt, occurredAt, signal);
      if (titleId == null || titleId.isBlank()) {
        throw new IllegalArgumentException("resolved event " + eventId + " has no titleId");
      }
      Objects.requireNonNull(contribution, "contribution");
      title = title == null ? "" : title;
      genres = genres == null ? List.of() : List.copyOf(genres);
    }

    /** Whether the title counts as watched: every signal but a mere listing. */
    public boolean watched() {
      return signal != Signal.LISTED;
    }
  }

  /**
   * An event whose title is not (yet) in the catalogue: counted under its raw title, and kept whole
   * so that it can be resolved when a title of one of {@code waitingNames} arrives.
   *
   * @param rawTitle the title as shown to the user (invisible characters removed)
   * @param waitingNames the normalised names any of which, once a catalogue title, resolves it
   */
  record Unresolved(
      String userId,
      String eventId,
      Instant publishedAt,
      Instant occurredAt,
      Signal signal,
      String rawTitle,
      WatchRecorded event,
      List<String> waitingNames)
      implements TasteChange {

    public Unresolved {
      require(userId, eventId, publishedAt, occurredAt, signal);
      if (rawTitle == null || rawTitle.isBlank()) {
        throw new IllegalArgumentException("unresolved event " + eventId + " has no raw title");
      }
      Objects.requireNonNull(event, "event");
      waitingNames = waitingNames == null ? List.of() : List.copyOf(waitingNames);
    }
  }

  private static void require(
      String userId, String eventId, Instant publishedAt, Instant occurredAt, Signal signal) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("event without userId");
    }
    if (eventId == null || eventId.isBlank()) {
      throw new IllegalArgumentException("event without eventId");
    }
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(signal, "signal");
  }
}
