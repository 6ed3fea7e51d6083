package dev.moviedb.evaluation;

import dev.moviedb.collective.BatchSignals;
import dev.moviedb.collective.Horizon;
import dev.moviedb.collective.Neighbour;
import dev.moviedb.collective.Scope;
import dev.moviedb.collective.SignalParams;
import dev.moviedb.collective.SignalRules;
import dev.moviedb.collective.SignalState;
import dev.moviedb.collective.Similarity;
import dev.moviedb.collective.Watched;
import dev.moviedb.evaluation.MovieLens.Rating;
import dev.moviedb.ranking.Collective;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What everyone watches, computed from the MovieLens training ratings of every user the way the
 * collective signals keep it: each rating a watch event through collective-state's own rules
 * ({@link SignalRules}: thumbs down counts nothing), aggregated by {@link BatchSignals} (the
 * definition the streaming writer is tested equal to) with the shipped bounds, read as
 * recommend-api reads it (co-watch partners by the shipped similarity, viewers with the privacy
 * floor, trending by the month horizon at the time of the newest rating). MovieLens has no country:
 * every watch is global.
 */
final class SignalsFromRatings implements Collective {

  private final SignalState state;
  private final SignalParams params;
  private final Map<String, Long> viewers;
  private final Map<String, Double> trending;
  private final Map<String, List<Partner>> partners = new HashMap<>();

  private SignalsFromRatings(SignalState state, SignalParams params, Instant now) {
    this.state = state;
    this.params = params;
    Map<String, Long> users = state.users().getOrDefault(Scope.GLOBAL, Map.of());
    this.viewers = new HashMap<>();
    users.forEach(
        (item, n) -> {
          if (n >= params.minUsers()) {
            viewers.put(item, n);
          }
        });
    Map<String, Double> month =
        state.weights().getOrDefault(Scope.GLOBAL, Map.of()).getOrDefault(Horizon.MONTH, Map.of());
    this.trending = new LinkedHashMap<>();
    month.entrySet().stream()
        .filter(e -> viewers.containsKey(e.getKey()))
        .sorted(
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> trending.put(e.getKey(), Horizon.MONTH.decayedAt(e.getValue(), now)));
  }

  /** The signals of every user's training ratings. */
  static SignalsFromRatings of(Collection<List<Rating>> trainingByUser) {
    Map<String, List<Watched>> byUser = new HashMap<>();
    Instant newest = Instant.EPOCH;
    for (List<Rating> ratings : trainingByUser) {
      for (Rating r : ratings) {
        Instant at = Instant.ofEpochSecond(r.timestamp());
        newest = at.isAfter(newest) ? at : newest;
        if (SignalRules.counts(HeldOut.signal(r.rating()))) {
          byUser
              .computeIfAbsent(String.valueOf(r.userId()), u -> new ArrayList<>())
              .add(new Watched(r.titleId(), Scope.GLOBAL, at));
        }
      }
    }
    SignalParams params = SignalParams.DEFAULTS;
    return new SignalsFromRatings(BatchSignals.compute(byUser, params), params, newest);
  }

  @Override
  public Map<String, List<Partner>> partners(Collection<String> titleIds, int k) {
    Map<String, List<Partner>> out = new LinkedHashMap<>();
    for (String id : titleIds) {
      List<Partner> p =
          partners.computeIfAbsent(
              id,
              x ->
                  state.neighbours(x, Similarity.COSINE, params).stream()
                      .map((Neighbour n) -> new Partner(n.item(), n.score()))
                      .toList());
      if (!p.isEmpty()) {
        out.put(id, p.subList(0, Math.min(k, p.size())));
      }
    }
    return out;
  }

  @Override
  public Map<String, Long> audience(Collection<String> titleIds) {
    Map<String, Long> out = new HashMap<>();
    for (String id : titleIds) {
      Long n = viewers.get(id);
      if (n != null) {
        out.put(id, n);
      }
    }
    return out;
  }

  @Override
  public Map<String, Double> trending(int limit) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (var e : trending.entrySet()) {
      if (out.size() >= limit) {
        break;
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
