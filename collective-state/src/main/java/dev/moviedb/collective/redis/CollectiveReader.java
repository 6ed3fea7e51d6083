package dev.moviedb.collective.redis;

import dev.moviedb.collective.Horizon;
import dev.moviedb.collective.Neighbour;
import dev.moviedb.collective.Neighbours;
import dev.moviedb.collective.Scope;
import dev.moviedb.collective.SignalState;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the collective state (layout: {@link CollectiveKeys}): what recommend-api serves and the
 * ranking fuses. Nothing it returns stands on fewer than {@code minUsers} distinct users.
 */
public final class CollectiveReader {

  private static final int PAGE = 200;

  private final RedisCalls redis;
  private final int minUsers;
  private final Clock clock;

  /**
   * @param minUsers the fewest distinct users behind a trending title or a popularity (co-watch
   *     pairs get the writer's own floor when their top lists are computed)
   */
  public CollectiveReader(Redis redis, int minUsers, Clock clock) {
    if (minUsers < 1) {
      throw new IllegalArgumentException("minUsers must be at least 1");
    }
    this.redis = new RedisCalls(redis);
    this.minUsers = minUsers;
    this.clock = clock;
  }

  /** A trending item: its decayed viewers at the time of reading, and distinct users. */
  public record TrendingItem(String item, double score, long users) {}

  /**
   * A trending list: the scope asked for, the scope served (global when the asked one has fewer
   * than {@code limit} items), and the items, best first.
   */
  public record Trending(Scope asked, Scope served, Horizon horizon, List<TrendingItem> items) {
    public boolean fellBack() {
      return !asked.equals(served);
    }
  }

  /** Trending items of a service in a country, falling back to global ones when it has too few. */
  public Trending trending(String service, String country, Horizon horizon, int limit) {
    return trending(service, country, horizon, limit, item -> true);
  }

  /**
   * Trending items that pass {@code keep} (e.g. a type or genre the caller looks up), best first.
   * With no service and country, the global list. When the scope has fewer than {@code limit} such
   * items, the global list is served instead.
   */
  public Trending trending(
      String service, String country, Horizon horizon, int limit, Predicate<String> keep) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be within 1..1000, was " + limit);
    }
    boolean none = (service == null || service.isBlank()) && (country == null || country.isBlank());
    Scope asked = none ? Scope.GLOBAL : Scope.of(service, country);
    List<TrendingItem> items = page(asked, horizon, limit, keep);
    if (items.size() < limit && !asked.isGlobal()) {
      return new Trending(asked, Scope.GLOBAL, horizon, page(Scope.GLOBAL, horizon, limit, keep));
    }
    return new Trending(asked, asked, horizon, items);
  }

  private List<TrendingItem> page(Scope scope, Horizon horizon, int limit, Predicate<String> keep) {
    List<TrendingItem> out = new ArrayList<>();
    for (int start = 0; out.size() < limit; start += PAGE) {
      Response r =
          redis.eval(
              Scripts.READ_TRENDING,
              List.of(CollectiveKeys.trending(scope, horizon), CollectiveKeys.trendingUsers(scope)),
              List.of(Integer.toString(start), Integer.toString(start + PAGE - 1)));
      for (int i = 0; i + 2 < r.size() && out.size() < limit; i += 3) {
        String item = r.get(i).toString();
        long users = Long.parseLong(r.get(i + 2).toString());
        if (users >= minUsers && keep.test(item)) {
          double stored = Double.parseDouble(r.get(i + 1).toString());
          out.add(new TrendingItem(item, horizon.decayedAt(stored, clock.instant()), users));
        }
      }
      if (r.size() < PAGE * 3) {
        break;
      }
    }
    return out;
  }

  /** The best {@code k} co-watch neighbours of an item with their normalised scores. */
  public List<Neighbour> neighbours(String item, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
    // A top list holds K entries at most: read it whole and order it as Neighbours.top does (ties
    // by id; Redis would order them backwards).
    Response r = redis.eval(Scripts.READ_TOP, List.of(CollectiveKeys.top(item)), List.of());
    List<Neighbour> out = new ArrayList<>();
    for (int i = 0; i + 1 < r.size(); i += 2) {
      out.add(new Neighbour(r.get(i).toString(), Double.parseDouble(r.get(i + 1).toString())));
    }
    out.sort(Neighbours.BEST_FIRST);
    return List.copyOf(out.subList(0, Math.min(k, out.size())));
  }

  /** Decayed viewers of an item at the time of reading, per horizon, and its distinct users. */
  public record Popularity(double week, double month, long users) {}

  /** Global popularity of the given items; items below {@code minUsers} are left out. */
  public Map<String, Popularity> popularity(Collection<String> items) {
    return popularity(Scope.GLOBAL, items);
  }

  /** Popularity in one scope; items below {@code minUsers} are left out. */
  public Map<String, Popularity> popularity(Scope scope, Collection<String> items) {
    Map<String, Popularity> out = new LinkedHashMap<>();
    if (items.isEmpty()) {
      return out;
    }
    List<String> ordered = List.copyOf(items);
    Response r =
        redis.eval(
            Scripts.READ_POPULARITY,
            List.of(
                CollectiveKeys.trending(scope, Horizon.WEEK),
                CollectiveKeys.trending(scope, Horizon.MONTH),
                CollectiveKeys.trendingUsers(scope)),
            ordered);
    var now = clock.instant();
    for (int i = 0; i < ordered.size(); i++) {
      long users = Long.parseLong(r.get(3 * i + 2).toString());
      if (users >= minUsers) {
        out.put(
            ordered.get(i),
            new Popularity(
                Horizon.WEEK.decayedAt(Double.parseDouble(r.get(3 * i).toString()), now),
                Horizon.MONTH.decayedAt(Double.parseDouble(r.get(3 * i + 1).toString()), now),
                users));
      }
    }
    return out;
  }

  /**
   * Everything the aggregates hold, stored sums as they are (not decayed), no floor applied: for
   * tests, the contract with the batch definition, and measuring state size.
   */
  public SignalState snapshot() {
    Map<Scope, Map<String, Long>> users = new HashMap<>();
    Map<Scope, Map<Horizon, Map<String, Double>>> weights = new HashMap<>();
    for (Response s :
        redis.eval(Scripts.MEMBERS, List.of(CollectiveKeys.trendingScopes()), List.of())) {
      Scope scope = Scope.parse(s.toString());
      Response r =
          redis.eval(
              Scripts.READ_SCOPE,
              List.of(
                  CollectiveKeys.trending(scope, Horizon.WEEK),
                  CollectiveKeys.trending(scope, Horizon.MONTH),
                  CollectiveKeys.trendingUsers(scope)),
              List.of());
      Map<String, Long> u = new HashMap<>();
      pairs(r.get(2)).forEach((k, v) -> u.put(k, Long.parseLong(v)));
      if (!u.isEmpty()) {
        users.put(scope, u);
      }
      Map<Horizon, Map<String, Double>> w = new HashMap<>();
      for (Horizon h : Horizon.values()) {
        Map<String, Double> m = new HashMap<>();
        pairs(r.get(h.ordinal())).forEach((k, v) -> m.put(k, Double.parseDouble(v)));
        if (!m.isEmpty()) {
          w.put(h, m);
        }
      }
      if (!w.isEmpty()) {
        weights.put(scope, w);
      }
    }
    Response c =
        redis.eval(
            Scripts.READ_COUNTS,
            List.of(CollectiveKeys.counts(), CollectiveKeys.listUsers()),
            List.of());
    Map<String, Long> counts = new HashMap<>();
    pairs(c.get(0)).forEach((k, v) -> counts.put(k, Long.parseLong(v)));
    Map<String, Map<String, Long>> rows = new HashMap<>();
    for (String item : counts.keySet()) {
      Response r =
          redis.eval(
              Scripts.READ_ROW,
              List.of(
                  CollectiveKeys.row(item), CollectiveKeys.counts(), CollectiveKeys.listUsers()),
              List.of(item));
      Map<String, Long> row = new HashMap<>();
      for (int i = 2; i + 2 < r.size(); i += 3) {
        row.put(r.get(i).toString(), Long.parseLong(r.get(i + 1).toString()));
      }
      if (!row.isEmpty()) {
        rows.put(item, row);
      }
    }
    return new SignalState(users, weights, rows, counts, Long.parseLong(c.get(1).toString()));
  }

  private static Map<String, String> pairs(Response flat) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      out.put(flat.get(i).toString(), flat.get(i + 1).toString());
    }
    return out;
  }
}
