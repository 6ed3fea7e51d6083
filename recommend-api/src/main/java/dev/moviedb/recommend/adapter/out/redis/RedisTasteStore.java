package dev.moviedb.recommend.adapter.out.redis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.ranking.TasteWeights;
import dev.moviedb.recommend.application.port.TasteStore;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adapter: reads the taste state that taste-profile-service keeps in Redis: per title the summed
 * positive and negative weights, and the set of watched titles. The title vectors stored beside the
 * weights are not read: recommend-api takes them from the index it serves, so the taste always
 * matches the model of the titles.
 */
@ApplicationScoped
public class RedisTasteStore implements TasteStore {

  private final RedisDataSource redis;
  private final ObjectMapper json;

  public RedisTasteStore(RedisDataSource redis, ObjectMapper json) {
    this.redis = redis;
    this.json = json;
  }

  static String key(String userId, String name) {
    return "moviedb:user:{" + userId + "}:" + name;
  }

  /** One title's entry; the vector field is skipped while parsing. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Weights(double p, double n) {}

  @Override
  public Optional<TasteWeights> find(String userId) {
    Map<String, String> titles = redis.hash(String.class).hgetall(key(userId, "titles"));
    if (titles.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> positive = new HashMap<>();
    Map<String, Double> negative = new HashMap<>();
    for (var entry : titles.entrySet()) {
      Weights w = parse(entry.getValue());
      if (w.p() > 0) {
        positive.put(entry.getKey(), w.p());
      }
      if (w.n() > 0) {
        negative.put(entry.getKey(), w.n());
      }
    }
    Set<String> watched = redis.set(String.class).smembers(key(userId, "watched"));
    return Optional.of(new TasteWeights(positive, negative, watched));
  }

  private Weights parse(String value) {
    try {
      return json.readValue(value, Weights.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable taste entry in Redis: " + e.getOriginalMessage());
    }
  }
}
