package dev.moviedb.taste.adapter.out.redis;

import dev.moviedb.taste.application.port.LegacyTasteState;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.KeyScanCursor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adapter: the layout releases before issue 14 wrote, {@code moviedb:user:{userId}:<name>} with
 * names {@code events}, {@code taste} (summed vectors, model id), {@code titles} (weights with the
 * title's vector), {@code watched}, {@code liked}, {@code genres} and {@code unresolved}. Only the
 * upgrade reads it, to know whose state existed, and then deletes it.
 */
@ApplicationScoped
public class LegacyRedisLayout implements LegacyTasteState {

  static final String PATTERN = "moviedb:user:{*}:*";
  private static final int CHUNK = 500;

  private final RedisDataSource redis;

  public LegacyRedisLayout(RedisDataSource redis) {
    this.redis = redis;
  }

  @Override
  public Set<String> users() {
    Set<String> users = new HashSet<>();
    KeyScanCursor<String> cursor = redis.key().scan(new KeyScanArgs().match(PATTERN).count(1000));
    while (cursor.hasNext()) {
      for (String key : cursor.next()) {
        int open = key.indexOf('{');
        int close = key.lastIndexOf("}:");
        if (open >= 0 && close > open) {
          users.add(key.substring(open + 1, close));
        }
      }
    }
    return users;
  }

  @Override
  public long deleteAll() {
    long removed = 0;
    KeyScanCursor<String> cursor = redis.key().scan(new KeyScanArgs().match(PATTERN).count(1000));
    List<String> chunk = new ArrayList<>();
    while (cursor.hasNext()) {
      chunk.addAll(cursor.next());
      if (chunk.size() >= CHUNK) {
        removed += redis.key().del(chunk.toArray(String[]::new));
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) {
      removed += redis.key().del(chunk.toArray(String[]::new));
    }
    return removed;
  }
}
