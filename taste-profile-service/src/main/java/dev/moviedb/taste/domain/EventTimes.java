package dev.moviedb.taste.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a watch or rating may have happened: not before 1997 (Netflix began renting DVDs in 1998;
 * nothing in an export is older) and not in the future (a few minutes of clock difference allowed).
 * The one rule for the events endpoint, the export files and the consumer of the topic.
 */
public final class EventTimes {

  public static final Instant EARLIEST = Instant.parse("1997-01-01T00:00:00Z");

  /** How far ahead of this service's clock a sender's clock may be. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private EventTimes() {}

  /** What is wrong with the time, or empty when it is a possible event time. */
  public static Optional<String> problem(Instant at, Instant now) {
    if (at.isBefore(EARLIEST)) {
      return Optional.of("is before 1997");
    }
    if (at.isAfter(now.plus(CLOCK_SKEW))) {
      return Optional.of("is in the future");
    }
    return Optional.empty();
  }
}
