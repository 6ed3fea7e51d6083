package dev.moviedb.taste.domain;

import dev.moviedb.events.Signal;
import java.time.Instant;
import java.util.Objects;

/**
 * One accepted row of an export: what the profile did with a title, and when.
 *
 * @param line the line of the row in the file (the header is line 1)
 * @param when the date or time exactly as the file wrote it, part of the event id
 */
public record HistoryRow(
    long line,
    String profile,
    String rawTitle,
    Signal signal,
    Long watchedSeconds,
    Instant occurredAt,
    String when) {

  public HistoryRow {
    Objects.requireNonNull(rawTitle, "rawTitle");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (rawTitle.isBlank()) {
      throw new IllegalArgumentException("rawTitle is blank");
    }
  }
}
