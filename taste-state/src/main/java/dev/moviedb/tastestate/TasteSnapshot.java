package dev.moviedb.tastestate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything stored about one user, as read in one atomic step.
 *
 * @param updatedAt the time of the latest event applied, null when none
 * @param counts applied resolved events per signal name
 * @param titles every title with a weight, in title id order
 * @param genres genre -> summed positive weight
 * @param unresolved raw title -> number of events not (yet) resolved
 */
public record TasteSnapshot(
    String userId,
    Instant updatedAt,
    Map<String, Long> counts,
    double positiveWeight,
    double negativeWeight,
    List<TitleState> titles,
    Map<String, Double> genres,
    Map<String, Long> unresolved) {

  public TasteSnapshot {
    counts = Map.copyOf(counts);
    titles = List.copyOf(titles);
    genres = Map.copyOf(genres);
    unresolved = Map.copyOf(unresolved);
  }

  /**
   * One title of the user.
   *
   * @param title its catalogue name at the latest event
   * @param firstAt time of the first event for it
   * @param lastAt time of the latest event for it
   */
  public record TitleState(
      String titleId,
      String title,
      double positive,
      double negative,
      boolean watched,
      Instant firstAt,
      Instant lastAt) {}
}
