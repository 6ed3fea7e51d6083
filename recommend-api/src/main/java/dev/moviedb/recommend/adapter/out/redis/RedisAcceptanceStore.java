package dev.moviedb.recommend.adapter.out.redis;

import dev.moviedb.events.FeedbackKind;
import dev.moviedb.recommend.application.port.AcceptanceStore;
import dev.moviedb.recommend.domain.Acceptance;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adapter: the acceptance counts in Redis, written and read only by recommend-api. Two hashes in
 * one cluster slot: {@code moviedb:{acceptance}:counts} (field {@code
 * <experiment>|<variant>|<kind>} -> count) and {@code moviedb:{acceptance}:offsets} (field {@code
 * <topic>/<partition>} -> the last offset counted). One script counts a batch: a record at or below
 * its partition's last offset was counted before and is skipped, so counting is exactly once per
 * record whatever the redelivery. The counts hold no user ids.
 */
@ApplicationScoped
public class RedisAcceptanceStore implements AcceptanceStore {

  static final String COUNTS = "moviedb:{acceptance}:counts";
  static final String OFFSETS = "moviedb:{acceptance}:offsets";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** ARGV: triples of partition, offset, field ('' counts nothing); returns 1 or 0 per triple. */
  private static final String COUNT =
      """
      local done = {}
      for i = 1, #ARGV, 3 do
        local partition = ARGV[i]
        local offset = tonumber(ARGV[i + 1])
        local last = tonumber(redis.call('HGET', KEYS[2], partition) or '-1')
        if offset > last then
          if ARGV[i + 2] ~= '' then
            redis.call('HINCRBY', KEYS[1], ARGV[i + 2], 1)
          end
          redis.call('HSET', KEYS[2], partition, offset)
          done[#done + 1] = 1
        else
          done[#done + 1] = 0
        end
      end
      return done
      """;

  private final Redis redis;

  public RedisAcceptanceStore(Redis redis) {
    this.redis = redis;
  }

  @Override
  public List<Boolean> count(List<Counted> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    Request eval = Request.cmd(Command.EVAL).arg(COUNT).arg(2).arg(COUNTS).arg(OFFSETS);
    for (Counted c : records) {
      eval.arg(c.partition())
          .arg(c.offset())
          .arg(c.kind() == null ? "" : field(c.experiment(), c.variant(), c.kind()));
    }
    Response r = redis.send(eval).await().atMost(TIMEOUT);
    List<Boolean> counted = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      counted.add(r.get(i).toLong() == 1);
    }
    return counted;
  }

  @Override
  public Map<String, Acceptance> of(String experiment) {
    Response r = redis.send(Request.cmd(Command.HGETALL).arg(COUNTS)).await().atMost(TIMEOUT);
    Map<String, long[]> byVariant = new HashMap<>();
    String prefix = experiment + "|";
    for (String field : r.getKeys()) {
      if (!field.startsWith(prefix)) {
        continue;
      }
      String[] parts = field.substring(prefix.length()).split("\\|", 2);
      if (parts.length != 2) {
        continue;
      }
      FeedbackKind kind;
      try {
        kind = FeedbackKind.valueOf(parts[1].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        continue; // a kind added later, unknown to this version
      }
      byVariant.computeIfAbsent(parts[0], v -> new long[4])[kind.ordinal()] = r.get(field).toLong();
    }
    Map<String, Acceptance> out = new HashMap<>();
    byVariant.forEach(
        (variant, n) ->
            out.put(
                variant,
                new Acceptance(
                    n[FeedbackKind.IMPRESSION.ordinal()],
                    n[FeedbackKind.CLICK.ordinal()],
                    n[FeedbackKind.LIKE.ordinal()],
                    n[FeedbackKind.DISLIKE.ordinal()])));
    return out;
  }

  static String field(String experiment, String variant, FeedbackKind kind) {
    return experiment + "|" + variant + "|" + kind.name().toLowerCase(Locale.ROOT);
  }
}
