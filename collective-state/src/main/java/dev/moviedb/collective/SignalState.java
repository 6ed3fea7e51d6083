package dev.moviedb.collective;

import java.util.List;
import java.util.Map;

/**
 * The collective state as numbers: what {@link BatchSignals} computes from all events at once, and
 * what the Redis writer's state reads back as ({@code CollectiveWriter#snapshot}).
 *
 * @param users scope -> item -> distinct users with a kept contribution
 * @param weights scope -> horizon -> item -> summed contribution weights ({@link Horizon#weight})
 * @param rows item -> partner -> users who watched both within their pair reach (both directions)
 * @param counts item -> users with the item in their co-watch list
 * @param listUsers users with a non-empty co-watch list
 */
public record SignalState(
    Map<Scope, Map<String, Long>> users,
    Map<Scope, Map<Horizon, Map<String, Double>>> weights,
    Map<String, Map<String, Long>> rows,
    Map<String, Long> counts,
    long listUsers) {

  public SignalState {
    users = Map.copyOf(users);
    weights = Map.copyOf(weights);
    rows = Map.copyOf(rows);
    counts = Map.copyOf(counts);
  }

  /** The neighbours of an item as the writer keeps them ({@link Neighbours#top}). */
  public List<Neighbour> neighbours(String item, Similarity similarity, SignalParams params) {
    return Neighbours.top(
        rows.getOrDefault(item, Map.of()),
        counts.getOrDefault(item, 0L),
        j -> counts.getOrDefault(j, 0L),
        listUsers,
        similarity,
        params);
  }
}
