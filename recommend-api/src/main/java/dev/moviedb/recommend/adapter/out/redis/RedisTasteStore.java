package dev.moviedb.recommend.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.recommend.application.port.TasteStore;
import dev.moviedb.recommend.domain.TasteProfile;
import dev.moviedb.vectors.Vectors;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adapter: reads the taste state that taste-profile-service keeps in Redis. Per title it holds the
 * summed positive and negative weights and the title's vector; each side's centroid is the sum of
 * sqrt(weight) x vector, so that a long binge of one series does not drown everything else.
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

  @Override
  public Optional<TasteProfile> find(String userId) {
    Map<String, String> titles = redis.hash(String.class).hgetall(key(userId, "titles"));
    if (titles.isEmpty()) {
      return Optional.empty();
    }
    double[] pos = null;
    double[] neg = null;
    Map<String, Double> liked = new HashMap<>();
    for (var entry : titles.entrySet()) {
      JsonNode node = parse(entry.getValue());
      JsonNode v = node.path("v");
      double p = node.path("p").asDouble(0);
      double n = node.path("n").asDouble(0);
      if (p > 0) {
        pos = addScaled(pos, v, Math.sqrt(p));
        liked.put(entry.getKey(), p);
      }
      if (n > 0) {
        neg = addScaled(neg, v, Math.sqrt(n));
      }
    }
    Set<String> watched = redis.set(String.class).smembers(key(userId, "watched"));
    String model = redis.hash(String.class).hget(key(userId, "taste"), "model");
    return Optional.of(
        new TasteProfile(
            model,
            pos == null ? null : Vectors.normalize(pos),
            neg == null ? null : Vectors.normalize(neg),
            watched,
            liked));
  }

  private JsonNode parse(String value) {
    try {
      return json.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable taste entry in Redis: " + e.getOriginalMessage());
    }
  }

  private static double[] addScaled(double[] acc, JsonNode v, double factor) {
    double[] out = acc == null ? new double[v.size()] : acc;
    for (int i = 0; i < out.length && i < v.size(); i++) {
      out[i] += factor * v.get(i).asDouble();
    }
    return out;
  }
}
