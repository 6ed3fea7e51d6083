package dev.moviedb.ranking;

import dev.moviedb.ranking.Collective.Partner;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The co-watch score of titles for one user: how strongly the people who watched the user's liked
 * titles also watched each title,
 *
 * <pre>
 * cowatch(c) = sum_l sqrt(p_l) * sim(l, c) / sum_l sqrt(p_l)
 * </pre>
 *
 * over the user's {@link #LIKED} most liked titles l (p_l their positive weight, the square root as
 * in {@link TasteVector}) and each one's best {@link #PARTNERS} co-watch partners (sim the
 * collective signals' normalised co-watch score). The liked title that adds most to a title's score
 * is named in its explanation.
 */
final class CoWatch {

  /** Liked titles whose partners are read per request. */
  static final int LIKED = 50;

  /** Partners read per liked title. */
  static final int PARTNERS = 50;

  private static final CoWatch NONE = new CoWatch(Map.of(), Map.of());

  private final Map<String, Double> scores;
  private final Map<String, String> strongest;

  private CoWatch(Map<String, Double> scores, Map<String, String> strongest) {
    this.scores = scores;
    this.strongest = strongest;
  }

  static CoWatch of(TasteWeights weights, Collective collective) {
    if (weights.positive().isEmpty() || collective == Collective.NONE) {
      return NONE;
    }
    List<Map.Entry<String, Double>> liked =
        weights.positive().entrySet().stream()
            .sorted(
                Map.Entry.<String, Double>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(LIKED)
            .toList();
    Map<String, List<Partner>> partners =
        collective.partners(liked.stream().map(Map.Entry::getKey).toList(), PARTNERS);
    if (partners.isEmpty()) {
      return NONE;
    }
    Map<String, Double> scores = new HashMap<>();
    Map<String, Double> best = new HashMap<>();
    Map<String, String> strongest = new HashMap<>();
    double total = 0;
    for (Map.Entry<String, Double> l : liked) {
      double w = Math.sqrt(l.getValue());
      total += w;
      for (Partner p : partners.getOrDefault(l.getKey(), List.of())) {
        double add = w * p.similarity();
        scores.merge(p.titleId(), add, Double::sum);
        if (add > best.getOrDefault(p.titleId(), Double.NEGATIVE_INFINITY)) {
          best.put(p.titleId(), add);
          strongest.put(p.titleId(), l.getKey());
        }
      }
    }
    double norm = total;
    scores.replaceAll((id, s) -> s / norm);
    return new CoWatch(scores, strongest);
  }

  boolean isEmpty() {
    return scores.isEmpty();
  }

  /** The title's co-watch score; 0 when no liked title was watched with it. */
  double score(String titleId) {
    return scores.getOrDefault(titleId, 0.0);
  }

  /** The liked title that adds most to this title's score, if any. */
  String strongestLiked(String titleId) {
    return strongest.get(titleId);
  }

  /** The {@code k} titles with the highest scores, best first (ties by id). */
  List<String> best(int k) {
    return scores.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
        .limit(k)
        .map(Map.Entry::getKey)
        .toList();
  }
}
