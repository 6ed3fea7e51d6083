package dev.moviedb.taste.adapter.out.redis;

import dev.moviedb.events.Signal;
import dev.moviedb.taste.application.port.TasteStore;
import dev.moviedb.taste.domain.TasteProfile;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adapter: the taste state in Redis. Each update is one Lua script, so it is atomic per user; the
 * applied event keys make it idempotent, and since it only adds to sums (and keeps the maximum
 * updatedAt), the state does not depend on the order of arrival.
 */
@ApplicationScoped
public class RedisTasteStore implements TasteStore {

  /**
   * KEYS: events, taste, titles, watched, liked, genres. ARGV: eventKey, titleId, side (pos|neg),
   * weight, vector (JSON), signal, occurredAtMillis, modelId, watched (1|0), genres (JSON array).
   * Returns 0 when the event was applied before, 1 when applied, 2 when applied after a reset for a
   * new model. Validates before the first write: Redis does not roll a script back.
   */
  static final String APPLY_SCRIPT =
      """
      if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
      local vec = cjson.decode(ARGV[5])
      local dim = #vec
      local side = ARGV[3]
      local w = tonumber(ARGV[4])
      local result = 1
      local model = redis.call('HGET', KEYS[2], 'model')
      if model and model ~= ARGV[8] then
        redis.call('DEL', KEYS[2], KEYS[3], KEYS[5], KEYS[6])
        result = 2
      else
        local stored = redis.call('HGET', KEYS[2], 'dimension')
        if stored and tonumber(stored) ~= dim then
          return redis.error_reply('vector has ' .. dim .. ' dimensions, stored taste ' .. stored)
        end
      end
      redis.call('SADD', KEYS[1], ARGV[1])
      local cur = redis.call('HGET', KEYS[2], side)
      local sum = {}
      if cur then sum = cjson.decode(cur) end
      for i = 1, dim do sum[i] = (sum[i] or 0) + w * vec[i] end
      redis.call('HSET', KEYS[2], side, cjson.encode(sum), 'model', ARGV[8], 'dimension', dim)
      redis.call('HINCRBYFLOAT', KEYS[2], side .. 'Weight', ARGV[4])
      redis.call('HINCRBY', KEYS[2], 'count:' .. ARGV[6], 1)
      local updated = tonumber(redis.call('HGET', KEYS[2], 'updatedAt') or '0')
      if tonumber(ARGV[7]) > updated then redis.call('HSET', KEYS[2], 'updatedAt', ARGV[7]) end
      local t = redis.call('HGET', KEYS[3], ARGV[2])
      local entry = {p = 0, n = 0, v = vec}
      if t then entry = cjson.decode(t) end
      if side == 'pos' then entry.p = entry.p + w else entry.n = entry.n + w end
      redis.call('HSET', KEYS[3], ARGV[2], cjson.encode(entry))
      if ARGV[9] == '1' then redis.call('SADD', KEYS[4], ARGV[2]) end
      if side == 'pos' then
        redis.call('ZINCRBY', KEYS[5], ARGV[4], ARGV[2])
        for _, genre in ipairs(cjson.decode(ARGV[10])) do
          redis.call('HINCRBYFLOAT', KEYS[6], genre, ARGV[4])
        end
      end
      return result
      """;

  /** KEYS: events, unresolved. ARGV: eventKey, rawTitle. */
  static final String UNRESOLVED_SCRIPT =
      """
      if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
      redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
      return 1
      """;

  private final RedisDataSource redis;
  private final TasteReader reader;

  public RedisTasteStore(RedisDataSource redis, TasteReader reader) {
    this.redis = redis;
    this.reader = reader;
  }

  @Override
  public Outcome apply(Update u) {
    String user = u.userId();
    long result =
        redis
            .execute(
                "EVAL",
                APPLY_SCRIPT,
                "6",
                TasteKeys.events(user),
                TasteKeys.taste(user),
                TasteKeys.titles(user),
                TasteKeys.watched(user),
                TasteKeys.liked(user),
                TasteKeys.genres(user),
                u.modelId() + "|" + u.eventKey(),
                u.titleId(),
                u.side().key(),
                Double.toString(u.weight()),
                vectorJson(u.vector()),
                u.signal().name(),
                Long.toString(u.occurredAtMillis()),
                u.modelId(),
                u.signal() == Signal.LISTED ? "0" : "1",
                genresJson(u.genres()))
            .toLong();
    return result == 0
        ? Outcome.DUPLICATE
        : result == 2 ? Outcome.APPLIED_AFTER_MODEL_RESET : Outcome.APPLIED;
  }

  private static String genresJson(List<String> genres) {
    io.vertx.core.json.JsonArray array = new io.vertx.core.json.JsonArray();
    genres.forEach(array::add);
    return array.encode();
  }

  @Override
  public Outcome applyUnresolved(String userId, String eventKey, String rawTitle) {
    long result =
        redis
            .execute(
                "EVAL",
                UNRESOLVED_SCRIPT,
                "2",
                TasteKeys.events(userId),
                TasteKeys.unresolved(userId),
                "unresolved|" + eventKey,
                rawTitle)
            .toLong();
    return result == 0 ? Outcome.DUPLICATE : Outcome.APPLIED;
  }

  @Override
  public Optional<TasteProfile> profile(String userId) {
    return reader.profile(userId);
  }

  @Override
  public List<String> delete(String userId) {
    List<String> removed = new ArrayList<>();
    for (String key : TasteKeys.all(userId)) {
      if (redis.key().del(key) > 0) {
        removed.add(key);
      }
    }
    return removed;
  }

  static String vectorJson(float[] vector) {
    StringBuilder sb = new StringBuilder(vector.length * 12).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        throw new IllegalArgumentException("vector element " + i + " is not a finite number");
      }
      if (i > 0) {
        sb.append(',');
      }
      sb.append(vector[i]);
    }
    return sb.append(']').toString();
  }
}
