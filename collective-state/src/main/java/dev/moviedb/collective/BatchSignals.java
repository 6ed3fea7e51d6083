package dev.moviedb.collective;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The definition of the collective state, computed from every user's events at once, in order. The
 * streaming writer keeps the same state incrementally, one event at a time in any order; the tests
 * hold the two equal, and the MovieLens measurement uses this one.
 *
 * <p>Per user:
 *
 * <ol>
 *   <li>Popularity contributions: one per (item, day) globally and one per (item, day, scope) in
 *       the scope the event names; the user keeps the {@link SignalParams#contributions()} most
 *       recent (day, then member bytes).
 *   <li>Co-watch list: each item at its latest counting watch, ordered by that time (ties by id
 *       bytes); the {@link SignalParams#recentTitles()} most recent are kept; each item pairs with
 *       the {@link SignalParams#pairReach()} items after it in that order.
 * </ol>
 *
 * Aggregates: distinct users and summed weights per (scope, item); per pair the users who have it;
 * per item the users who have it in their list.
 */
public final class BatchSignals {

  private static final Comparator<String> BYTES =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private BatchSignals() {}

  public static SignalState compute(Map<String, List<Watched>> byUser, SignalParams params) {
    Map<Scope, Map<String, Long>> users = new HashMap<>();
    Map<Scope, Map<Horizon, Map<String, Double>>> weights = new HashMap<>();
    Map<String, Map<String, Long>> rows = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    long listUsers = 0;
    for (List<Watched> watched : byUser.values()) {
      for (Contribution c : keptContributions(watched, params)) {
        for (Horizon h : Horizon.values()) {
          weights
              .computeIfAbsent(c.scope(), s -> new HashMap<>())
              .computeIfAbsent(h, x -> new HashMap<>())
              .merge(c.item(), h.weight(c.day()), Double::sum);
        }
      }
      Set<String> seen = new HashSet<>();
      for (Contribution c : keptContributions(watched, params)) {
        if (seen.add(c.scope().key() + "|" + c.item())) {
          users.computeIfAbsent(c.scope(), s -> new HashMap<>()).merge(c.item(), 1L, Long::sum);
        }
      }
      List<String> list = coWatchList(watched, params);
      if (!list.isEmpty()) {
        listUsers++;
      }
      for (int r = 0; r < list.size(); r++) {
        counts.merge(list.get(r), 1L, Long::sum);
        for (int s = r + 1; s <= Math.min(list.size() - 1, r + params.pairReach()); s++) {
          rows.computeIfAbsent(list.get(r), x -> new HashMap<>()).merge(list.get(s), 1L, Long::sum);
          rows.computeIfAbsent(list.get(s), x -> new HashMap<>()).merge(list.get(r), 1L, Long::sum);
        }
      }
    }
    return new SignalState(users, weights, rows, counts, listUsers);
  }

  /** One popularity contribution of a user. */
  record Contribution(long day, Scope scope, String item) {
    String member() {
      return day + "|" + scope.key() + "|" + item;
    }
  }

  /** The contributions a user keeps: distinct, the most recent {@code contributions} of them. */
  static List<Contribution> keptContributions(List<Watched> watched, SignalParams params) {
    Set<Contribution> all = new HashSet<>();
    for (Watched w : watched) {
      all.add(new Contribution(w.day(), Scope.GLOBAL, w.item()));
      if (!w.scope().isGlobal()) {
        all.add(new Contribution(w.day(), w.scope(), w.item()));
      }
    }
    List<Contribution> sorted = new ArrayList<>(all);
    sorted.sort(
        Comparator.comparingLong(Contribution::day).thenComparing(Contribution::member, BYTES));
    return sorted.subList(Math.max(0, sorted.size() - params.contributions()), sorted.size());
  }

  /** A user's co-watch list: items by latest watch, oldest first, the most recent kept. */
  public static List<String> coWatchList(List<Watched> watched, SignalParams params) {
    Map<String, Long> latest = new HashMap<>();
    for (Watched w : watched) {
      latest.merge(w.item(), w.at().getEpochSecond(), Math::max);
    }
    List<String> items = new ArrayList<>(latest.keySet());
    items.sort(Comparator.comparingLong((String i) -> latest.get(i)).thenComparing(BYTES));
    return List.copyOf(
        items.subList(Math.max(0, items.size() - params.recentTitles()), items.size()));
  }
}
