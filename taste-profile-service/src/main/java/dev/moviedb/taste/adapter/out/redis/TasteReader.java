package dev.moviedb.taste.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.taste.config.TasteConfig;
import dev.moviedb.taste.domain.TasteMath;
import dev.moviedb.taste.domain.TasteProfile;
import dev.moviedb.taste.domain.TasteProfile.TitleScore;
import dev.moviedb.taste.domain.TasteProfile.UnresolvedTitle;
import dev.moviedb.taste.domain.TitleWeight;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a user's taste state from Redis. The taste vector is normalise(sum sqrt(p_t) v_t) -
 * negativeShare * normalise(sum sqrt(n_t) v_t) over the user's titles (see {@link TasteMath}), with
 * the vectors stored beside the weights; recommend-api applies the same formula to the weights with
 * the vectors of the index it serves, so that its taste follows a re-embed.
 */
@ApplicationScoped
public class TasteReader {

  private static final int TOP_TITLES = 10;

  private final RedisDataSource redis;
  private final ObjectMapper json;
  private final double negativeShare;

  public TasteReader(RedisDataSource redis, ObjectMapper json, TasteConfig config) {
    this.redis = redis;
    this.json = json;
    this.negativeShare = config.negativeShare();
  }

  /** The user's taste vector, empty when they have no resolved signal. */
  public Optional<double[]> taste(String userId) {
    return Optional.ofNullable(TasteMath.taste(titles(userId), negativeShare));
  }

  /** Every title of the user with its summed weights and vector, in title id order. */
  public List<TitleWeight> titles(String userId) {
    Map<String, String> raw = redis.hash(String.class).hgetall(TasteKeys.titles(userId));
    List<TitleWeight> out = new ArrayList<>(raw.size());
    for (Map.Entry<String, String> e : new TreeMap<>(raw).entrySet()) {
      out.add(parse(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** The profile of a user, empty when nothing is stored for them. */
  public Optional<TasteProfile> profile(String userId) {
    Map<String, String> taste = redis.hash(String.class).hgetall(TasteKeys.taste(userId));
    Map<String, String> unresolvedRaw =
        redis.hash(String.class).hgetall(TasteKeys.unresolved(userId));
    if (taste.isEmpty() && unresolvedRaw.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> counts = new TreeMap<>();
    taste.forEach(
        (field, value) -> {
          if (field.startsWith("count:")) {
            counts.put(field.substring("count:".length()), Long.parseLong(value));
          }
        });
    List<TitleScore> top =
        redis
            .sortedSet(String.class)
            .zrangeWithScores(TasteKeys.liked(userId), 0, TOP_TITLES - 1, new ZRangeArgs().rev())
            .stream()
            .map(v -> new TitleScore(v.value(), v.score()))
            .toList();
    List<UnresolvedTitle> unresolved =
        unresolvedRaw.entrySet().stream()
            .map(e -> new UnresolvedTitle(e.getKey(), Long.parseLong(e.getValue())))
            .sorted(
                Comparator.comparingLong(UnresolvedTitle::count)
                    .reversed()
                    .thenComparing(UnresolvedTitle::rawTitle))
            .toList();
    String updatedAt = taste.get("updatedAt");
    String dimension = taste.get("dimension");
    return Optional.of(
        new TasteProfile(
            userId,
            taste.get("model"),
            dimension == null ? null : Integer.valueOf(dimension),
            updatedAt == null ? null : Instant.ofEpochMilli(Long.parseLong(updatedAt)),
            counts,
            number(taste.get("posWeight")),
            number(taste.get("negWeight")),
            redis.set(String.class).scard(TasteKeys.watched(userId)),
            top,
            topGenres(userId),
            unresolved));
  }

  private List<TasteProfile.GenreScore> topGenres(String userId) {
    return redis.hash(String.class).hgetall(TasteKeys.genres(userId)).entrySet().stream()
        .map(e -> new TasteProfile.GenreScore(e.getKey(), Double.parseDouble(e.getValue())))
        .sorted(Comparator.comparingDouble(TasteProfile.GenreScore::weight).reversed())
        .limit(5)
        .toList();
  }

  private TitleWeight parse(String titleId, String value) {
    try {
      JsonNode node = json.readTree(value);
      JsonNode v = node.path("v");
      double[] vector = new double[v.size()];
      for (int i = 0; i < vector.length; i++) {
        vector[i] = v.get(i).asDouble();
      }
      return new TitleWeight(
          titleId, node.path("p").asDouble(0), node.path("n").asDouble(0), vector);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored title " + titleId + " is not valid JSON", e);
    }
  }

  private static double number(String value) {
    return value == null ? 0.0 : Double.parseDouble(value);
  }
}
