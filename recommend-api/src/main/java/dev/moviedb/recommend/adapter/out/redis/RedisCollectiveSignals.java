package dev.moviedb.recommend.adapter.out.redis;

import dev.moviedb.collective.Horizon;
import dev.moviedb.collective.Neighbour;
import dev.moviedb.collective.Scope;
import dev.moviedb.collective.redis.CollectiveReader;
import dev.moviedb.collective.redis.CollectiveReader.Popularity;
import dev.moviedb.collective.redis.CollectiveReader.Trending;
import dev.moviedb.collective.redis.CollectiveReader.TrendingItem;
import dev.moviedb.ranking.Collective;
import dev.moviedb.recommend.application.port.CollectiveSignals;
import dev.moviedb.recommend.config.RecommendConfig;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adapter: the collective signals as collective-signals keeps them in Redis, read through
 * collective-state's reader, the one owner of that layout. A scope with too little of its own falls
 * back to the global figures (the reader's rule for trending; the same here for popularity).
 */
@ApplicationScoped
public class RedisCollectiveSignals implements CollectiveSignals {

  private final CollectiveReader reader;

  public RedisCollectiveSignals(Redis redis, RecommendConfig config) {
    this.reader = new CollectiveReader(redis, config.minUsers(), Clock.systemUTC());
  }

  @Override
  public Collective in(String service, String country) {
    return new InScope(service, country);
  }

  private final class InScope implements Collective {
    private final String service;
    private final String country;
    private String served = "";

    InScope(String service, String country) {
      this.service = service;
      this.country = country;
    }

    @Override
    public Map<String, List<Partner>> partners(Collection<String> titleIds, int k) {
      Map<String, List<Partner>> out = new LinkedHashMap<>();
      for (String id : titleIds) {
        List<Neighbour> neighbours = reader.neighbours(id, k);
        if (!neighbours.isEmpty()) {
          out.put(id, neighbours.stream().map(n -> new Partner(n.item(), n.score())).toList());
        }
      }
      return out;
    }

    @Override
    public Map<String, Long> audience(Collection<String> titleIds) {
      Map<String, Popularity> here =
          service == null ? Map.of() : reader.popularity(Scope.of(service, country), titleIds);
      Map<String, Popularity> figures = here.isEmpty() ? reader.popularity(titleIds) : here;
      Map<String, Long> out = new LinkedHashMap<>();
      figures.forEach((id, p) -> out.put(id, p.users()));
      return out;
    }

    @Override
    public Map<String, Double> trending(int limit) {
      Trending t = reader.trending(service, country, Horizon.WEEK, Math.min(limit, 1000));
      served = t.served().isGlobal() ? "" : t.served().country().toUpperCase(Locale.ROOT);
      Map<String, Double> out = new LinkedHashMap<>();
      for (TrendingItem i : t.items()) {
        out.put(i.item(), i.score());
      }
      return out;
    }

    @Override
    public String where() {
      return served;
    }
  }
}
