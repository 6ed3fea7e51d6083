package dev.moviedb.collective;

import dev.moviedb.events.Signal;
import dev.moviedb.events.WatchRecorded;
import java.util.Optional;

/**
 * What of a watch event counts for the collective signals: the one place that says it.
 *
 * <ul>
 *   <li>The aggregation id ({@link #itemOf}): today the catalogue {@code titleId}; when records of
 *       one work from several sources share a {@code workId}, switch here and every key, count and
 *       neighbour follows (the reader then speaks work ids).
 *   <li>What means "people watch it" ({@link #counts}): WATCHED, LIKED and LOVED. A thumbs down, a
 *       title put on a list and an abandoned start count nothing (they subtract nothing either:
 *       every aggregate only grows with events, which is what makes it independent of their order).
 * </ul>
 */
public final class SignalRules {

  private SignalRules() {}

  /** The id the signals aggregate on; empty for an unresolved event (raw title only). */
  public static Optional<String> itemOf(WatchRecorded event) {
    String id = event.titleId();
    return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.strip());
  }

  public static boolean counts(Signal signal) {
    return signal == Signal.WATCHED || signal == Signal.LIKED || signal == Signal.LOVED;
  }

  /**
   * Ids become parts of Redis members separated by {@code |}: they may not contain it, nor
   * whitespace, and are at most 200 characters.
   */
  static void checkId(String what, String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (id.length() > 200) {
      throw new IllegalArgumentException(what + " is longer than 200 characters");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '|' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            what + " '" + id + "' contains '|', whitespace or a control character");
      }
    }
  }
}
