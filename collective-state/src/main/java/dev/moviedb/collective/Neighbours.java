package dev.moviedb.collective;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The one selection of a title's neighbours from its co-watch counts (writer and batch alike). */
public final class Neighbours {

  /** Highest score first, ties by id: the order of every neighbour list. */
  public static final Comparator<Neighbour> BEST_FIRST =
      Comparator.comparingDouble(Neighbour::score).reversed().thenComparing(Neighbour::item);

  private Neighbours() {}

  /**
   * The best {@code params.neighbours()} partners of a title by score, highest first (ties by id),
   * among those watched together by at least {@code params.minUsers()} users.
   *
   * @param row partner -> co-watch count
   * @param ni users with the title
   * @param n users with a partner
   * @param users users with any title
   */
  public static List<Neighbour> top(
      Map<String, Long> row,
      long ni,
      ToLongFunction<String> n,
      long users,
      Similarity similarity,
      SignalParams params) {
    List<Neighbour> all = new ArrayList<>();
    for (Map.Entry<String, Long> e : row.entrySet()) {
      long c = e.getValue();
      long nj = n.applyAsLong(e.getKey());
      if (c >= params.minUsers() && ni > 0 && nj > 0) {
        all.add(new Neighbour(e.getKey(), similarity.score(c, ni, nj, users)));
      }
    }
    all.sort(BEST_FIRST);
    return List.copyOf(all.subList(0, Math.min(params.neighbours(), all.size())));
  }
}
