package dev.moviedb.ranking;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: what everyone watches, in the request's scope (its service and country): the titles watched
 * together with a title (co-watch), how many people watched a title, and what is watched most now.
 * recommend-api reads it from the collective signals in Redis; the evaluation computes the same
 * state from MovieLens.
 */
public interface Collective {

  /** A title watched together with another, and how strongly (a normalised co-watch score). */
  record Partner(String titleId, double similarity) {}

  /** The best {@code k} co-watch partners of each title, best first (titles without: absent). */
  Map<String, List<Partner>> partners(Collection<String> titleIds, int k);

  /**
   * Distinct viewers of each title in the scope, all time (titles below the privacy floor: absent):
   * the popularity prior of every ranking.
   */
  Map<String, Long> audience(Collection<String> titleIds);

  /**
   * The titles watched most now in the scope (viewers decayed over days), most first, at most
   * {@code limit}: candidates of every ranking, and the ranking itself for a cold start.
   */
  Map<String, Double> trending(int limit);

  /** The scope in words, for explanations ("NL", "netflix NL"); empty when global. */
  default String where() {
    return "";
  }

  /** Nobody's watching is known: rankings use the request's words and the user's taste only. */
  Collective NONE =
      new Collective() {
        @Override
        public Map<String, List<Partner>> partners(Collection<String> titleIds, int k) {
          return Map.of();
        }

        @Override
        public Map<String, Long> audience(Collection<String> titleIds) {
          return Map.of();
        }

        @Override
        public Map<String, Double> trending(int limit) {
          return Map.of();
        }
      };
}
