package dev.moviedb.taste.domain;

import dev.moviedb.tastestate.TasteSnapshot;
import dev.moviedb.tastestate.TasteSnapshot.TitleState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the taste service knows about one user, for a person to read. Weights are decayed sums, so
 * only their order is meaningful.
 *
 * @param counts resolved events per signal
 * @param titles how many titles carry a weight
 * @param watchedTitles how many of them were watched or rated
 * @param topTitles the titles with the most positive weight, with their names
 * @param dislikedTitles the titles with the most negative weight
 * @param unresolved title strings that name no catalogue title yet, most frequent first
 */
public record TasteProfile(
    String userId,
    Instant updatedAt,
    Map<String, Long> counts,
    double positiveWeight,
    double negativeWeight,
    long titles,
    long watchedTitles,
    List<TitleScore> topTitles,
    List<TitleScore> dislikedTitles,
    List<GenreScore> topGenres,
    List<UnresolvedTitle> unresolved) {

  private static final int TOP_TITLES = 10;
  private static final int TOP_DISLIKED = 5;
  private static final int TOP_GENRES = 5;

  /** A title, its catalogue name, its weight on one side and when it was last seen. */
  public record TitleScore(String titleId, String title, double weight, Instant lastAt) {}

  /** A genre and the positive weight of the titles that carry it. */
  public record GenreScore(String genre, double weight) {}

  public static TasteProfile of(TasteSnapshot s) {
    return new TasteProfile(
        s.userId(),
        s.updatedAt(),
        s.counts(),
        s.positiveWeight(),
        s.negativeWeight(),
        s.titles().size(),
        s.titles().stream().filter(TitleState::watched).count(),
        top(s.titles(), TitleState::positive, TOP_TITLES),
        top(s.titles(), TitleState::negative, TOP_DISLIKED),
        s.genres().entrySet().stream()
            .map(e -> new GenreScore(e.getKey(), e.getValue()))
            .sorted(
                Comparator.comparingDouble(GenreScore::weight)
                    .reversed()
                    .thenComparing(GenreScore::genre))
            .limit(TOP_GENRES)
            .toList(),
        s.unresolved().entrySet().stream()
            .map(e -> new UnresolvedTitle(e.getKey(), e.getValue()))
            .sorted(
                Comparator.comparingLong(UnresolvedTitle::count)
                    .reversed()
                    .thenComparing(UnresolvedTitle::rawTitle))
            .toList());
  }

  private static List<TitleScore> top(
      List<TitleState> titles, ToDoubleFunction<TitleState> side, int limit) {
    return titles.stream()
        .filter(t -> side.applyAsDouble(t) > 0)
        .sorted(Comparator.comparingDouble(side).reversed().thenComparing(TitleState::titleId))
        .limit(limit)
        .map(t -> new TitleScore(t.titleId(), t.title(), side.applyAsDouble(t), t.lastAt()))
        .toList();
  }
}
