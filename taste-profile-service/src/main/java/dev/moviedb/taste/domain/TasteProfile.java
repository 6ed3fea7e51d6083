package dev.moviedb.taste.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the taste service knows about one user, for a person to read. */
public record TasteProfile(
    String userId,
    String model,
    Integer dimension,
    Instant updatedAt,
    Map<String, Long> counts,
    double positiveWeight,
    double negativeWeight,
    long watchedTitles,
    List<TitleScore> topTitles,
    List<GenreScore> topGenres,
    List<UnresolvedTitle> unresolved) {

  /** A genre and the positive weight of the titles that carry it (only the order is meaningful). */
  public record GenreScore(String genre, double weight) {}

  /** A title and its accumulated positive weight (decayed, so only the order is meaningful). */
  public record TitleScore(String titleId, double weight) {}

  /** A title string that did not resolve to a catalogue title, and how often it was seen. */
  public record UnresolvedTitle(String rawTitle, long count) {}
}
